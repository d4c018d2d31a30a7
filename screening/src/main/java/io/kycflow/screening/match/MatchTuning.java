package io.kycflow.screening.match;

/**
 * Knobs of the name score, kept together so the evaluation harness can search them and the defaults are
 * visible in one place.
 *
 * @param minTokenSimilarity  below this two tokens are not considered the same name part at all
 * @param levenshteinShare    token similarity = share * edit-distance ratio + (1 - share) * Jaro-Winkler
 * @param phoneticFloor       similarity given to tokens with the same Double Metaphone code
 * @param initialSimilarity   similarity of an initial ("A.") to a name starting with that letter
 * @param similarityExponent  sharpens partial token similarity (sim^k): a typo costs more than weight alone
 * @param unmatchedQueryPenalty     weight of query name parts with no counterpart
 * @param unmatchedCandidatePenalty weight of listed name parts with no counterpart (extra middle names)
 * @param conflictPenalty     extra weight when both sides have parts left over: a different name, not a
 *                            missing one ("Barack Obama" vs "Michelle Obama")
 * @param weakAliasFactor     multiplier for aliases the publisher marks as low quality
 * @param dobContradiction    multiplier when every listed birth year is more than a year off the query's
 * @param dobCorroboration    share of the remaining distance to 1 added when the birth date agrees
 * @param nationalityContradiction multiplier when listed nationalities exist and none agrees
 * @param nationalityCorroboration share of the remaining distance to 1 added when nationality agrees
 * @param minIndexCoverage    share of the query's token weight an indexed name must hit to be scored
 */
public record MatchTuning(
        double minTokenSimilarity,
        double levenshteinShare,
        double phoneticFloor,
        double initialSimilarity,
        double similarityExponent,
        double unmatchedQueryPenalty,
        double unmatchedCandidatePenalty,
        double conflictPenalty,
        double weakAliasFactor,
        double dobContradiction,
        double dobCorroboration,
        double nationalityContradiction,
        double nationalityCorroboration,
        double minIndexCoverage) {

    /** Token and penalty knobs from the grid search on the fixed 70% split of the nomenklatura pairs. */
    public static final MatchTuning DEFAULT = new MatchTuning(
            0.65, 0.9, 0.82, 0.85, 1.5,
            0.6, 0.2, 2.5,
            0.95, 0.75, 0.3, 0.92, 0.1, 0.25);

    public MatchTuning withPenalties(double query, double candidate, double conflict) {
        return new MatchTuning(minTokenSimilarity, levenshteinShare, phoneticFloor, initialSimilarity,
                similarityExponent, query, candidate, conflict, weakAliasFactor, dobContradiction, dobCorroboration,
                nationalityContradiction, nationalityCorroboration, minIndexCoverage);
    }

    public MatchTuning withTokenSimilarity(double minTokenSimilarity, double levenshteinShare, double exponent) {
        return new MatchTuning(minTokenSimilarity, levenshteinShare, phoneticFloor, initialSimilarity, exponent,
                unmatchedQueryPenalty, unmatchedCandidatePenalty, conflictPenalty, weakAliasFactor, dobContradiction,
                dobCorroboration, nationalityContradiction, nationalityCorroboration, minIndexCoverage);
    }
}
