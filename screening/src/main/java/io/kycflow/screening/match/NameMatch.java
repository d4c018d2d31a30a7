package io.kycflow.screening.match;

import java.util.List;

/**
 * The comparison of two names: score and how the parts lined up.
 *
 * @param score              0..1, before date of birth or nationality are considered
 * @param alignments         name parts taken as the same, with their similarity
 * @param unmatchedQuery     query parts with no counterpart in the listed name
 * @param unmatchedListed    listed parts with no counterpart in the query
 * @param adjustments        rules beyond part similarity that changed the score, readable ("legal forms
 *                           differ: [ag] vs [gmbh] x0.85")
 */
public record NameMatch(double score, List<TokenAlignment> alignments, List<String> unmatchedQuery,
                        List<String> unmatchedListed, List<String> adjustments) {
    public NameMatch {
        alignments = List.copyOf(alignments);
        unmatchedQuery = List.copyOf(unmatchedQuery);
        unmatchedListed = List.copyOf(unmatchedListed);
        adjustments = List.copyOf(adjustments);
    }

    public NameMatch(double score, List<TokenAlignment> alignments, List<String> unmatchedQuery,
                     List<String> unmatchedListed) {
        this(score, alignments, unmatchedQuery, unmatchedListed, List.of());
    }
}
