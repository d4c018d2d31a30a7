package io.kycflow.screening.load;

import java.util.List;

/**
 * Outcome of reading a lists directory.
 *
 * @param loaded   the newest complete, well-formed snapshot of each list found
 * @param problems malformed snapshots (file and line in the message); a list with a problem keeps serving
 *                 its previous good version
 * @param skipped  snapshots not used, and why (incomplete, older than another, unrecognised files)
 */
public record LoadReport(List<LoadedList> loaded, List<String> problems, List<String> skipped) {
    public LoadReport {
        loaded = List.copyOf(loaded);
        problems = List.copyOf(problems);
        skipped = List.copyOf(skipped);
    }
}
