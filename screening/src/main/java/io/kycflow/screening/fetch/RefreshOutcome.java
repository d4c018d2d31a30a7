package io.kycflow.screening.fetch;

import java.nio.file.Path;

/**
 * What one refresh did for one list.
 *
 * @param snapshot the new snapshot folder for {@link Status#NEW_SNAPSHOT}, else null
 * @param detail   why, for logs and health (URLs without their query, file and line of a parse error)
 */
public record RefreshOutcome(String listId, Status status, Path snapshot, String detail) {

    public enum Status {
        /** A verified download was put in place; the loader serves it on its next read. */
        NEW_SNAPSHOT,
        /** Nothing changed at the publisher (304, or the same bytes again). */
        UNCHANGED,
        /** Download or verification failed; the copy on disk stays in service. */
        FAILED,
        /** Another downloader holds this list's lock. */
        SKIPPED
    }
}
