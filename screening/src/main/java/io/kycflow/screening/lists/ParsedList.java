package io.kycflow.screening.lists;

import io.kycflow.screening.model.SanctionedEntity;

import java.time.LocalDate;
import java.util.List;

/**
 * What a parser read from one snapshot.
 *
 * @param publishedOn the date the file states for itself (UN dateGenerated, UK "Last Updated"), else null
 * @param version     the publisher's own version text where it has one, else null
 */
public record ParsedList(ListKind kind, List<SanctionedEntity> entities, LocalDate publishedOn, String version) {
    public ParsedList {
        entities = List.copyOf(entities);
    }
}
