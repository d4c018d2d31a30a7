package io.kycflow.screening.match;

/**
 * The comparison of two names on their own.
 *
 * @param match PARTIAL_MATCH or stronger
 */
public record PairScore(double score, MatchRating rating, boolean match, NameMatch detail) {
}
