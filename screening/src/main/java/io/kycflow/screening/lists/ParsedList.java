package io.kycflow.screening.lists;

import io.kycflow.screening.model.SanctionedEntity;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What a parser read from one snapshot.
 *
 * @param publishedOn the date the file states for itself (UN dateGenerated, UK "Last Updated"), else null
 * @param version     the publisher's own version text where it has one, else null
 * @param extraFiles  files read besides the snapshot's own (an FtM index's delta files), so their hashes
 *                    join the list's provenance
 */
public record ParsedList(ListKind kind, List<SanctionedEntity> entities, LocalDate publishedOn, String version,
                         List<Path> extraFiles) {
    public ParsedList {
        entities = List.copyOf(entities);
        extraFiles = List.copyOf(extraFiles);
    }

    public ParsedList(ListKind kind, List<SanctionedEntity> entities, LocalDate publishedOn, String version) {
        this(kind, entities, publishedOn, version, List.of());
    }
}
