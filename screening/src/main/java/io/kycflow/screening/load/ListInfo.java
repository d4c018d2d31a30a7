package io.kycflow.screening.load;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Provenance of one list in service, carried on every screening result so an auditor can tell exactly
 * which data a decision was made on.
 *
 * @param listId      e.g. "ofac_sdn", "un"
 * @param source      publisher and format
 * @param version     the publisher's version text (UN dateGenerated), else the snapshot date
 * @param date        the snapshot date: stated in the file, else from the folder name, else file mtime
 * @param recordCount number of entities
 * @param sha256      SHA-256 over the snapshot's files (hash of the per-file hashes, in file-name order)
 * @param fileSha256  SHA-256 of each file, by file name
 * @param folder      where the snapshot was read from
 */
public record ListInfo(
        String listId,
        String source,
        String version,
        LocalDate date,
        int recordCount,
        String sha256,
        Map<String, String> fileSha256,
        String folder,
        Instant loadedAt) {

    public ListInfo {
        fileSha256 = Map.copyOf(fileSha256);
    }
}
