package io.kycflow.screening.match;

import io.kycflow.screening.load.ListInfo;

import java.util.List;

/**
 * Hits for one query, best first, with the lists (version, date, hash) they were screened against.
 */
public record ScreeningResult(Query query, List<Hit> hits, List<ListInfo> lists) {
    public ScreeningResult {
        hits = List.copyOf(hits);
        lists = List.copyOf(lists);
    }

    /** The best rating among the hits, NO_MATCH when there are none. */
    public MatchRating bestRating() {
        return hits.isEmpty() ? MatchRating.NO_MATCH : hits.get(0).rating();
    }
}
