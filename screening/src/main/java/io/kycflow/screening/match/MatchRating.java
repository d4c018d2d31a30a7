package io.kycflow.screening.match;

/**
 * The verdict on one hit. STRONG_MATCH fails a check, PARTIAL_MATCH asks a person to review, WEAK_MATCH is
 * shown for information and does not act.
 */
public enum MatchRating {
    STRONG_MATCH, PARTIAL_MATCH, WEAK_MATCH, NO_MATCH;

    /** PARTIAL or stronger: what a pair scorer reports as "match". */
    public boolean isMatch() {
        return this == STRONG_MATCH || this == PARTIAL_MATCH;
    }
}
