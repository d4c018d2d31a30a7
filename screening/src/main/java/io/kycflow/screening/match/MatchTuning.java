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
 * @param extraEditCost       each edit beyond the first between two tokens multiplies their similarity by
 *                            (1 - this): long names three letters apart are usually different names
 *                            ("Castillo"/"Castro"), while one slip is a typo whatever the length
 * @param organisationUnmatchedPenalty weight of name parts (other than legal forms) with no counterpart in
 *                            the names of organisations, vessels and aircraft, on either side: every word of
 *                            such a name is part of it ("Banco Santander Chile" is another bank)
 * @param legalFormConflict   multiplier when both organisation names carry legal forms and none agrees
 *                            ("AG" vs "GmbH" are two registrations)
 * @param patronymicSwap      multiplier when a person's given name on one side is aligned with a father's
 *                            name (after "bin", "ben", "ould", ...) on the other ("Ahmad bin Hasan" vs
 *                            "Hasan bin Ahmad" are father and son)
 * @param numberVariantSimilarity similarity of two different numbers ("III"/"IV", "2004"/"2005")
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
        double minIndexCoverage,
        double extraEditCost,
        double organisationUnmatchedPenalty,
        double legalFormConflict,
        double patronymicSwap,
        double numberVariantSimilarity) {

    /** Token and penalty knobs from the grid search on the fixed 70% split of the nomenklatura pairs. */
    public static final MatchTuning DEFAULT = new MatchTuning(
            0.65, 0.9, 0.82, 0.85, 1.5,
            0.4, 0.1, 2.5,
            0.95, 0.75, 0.3, 0.92, 0.1, 0.25,
            0.05, 2.0, 0.8, 0.6, 0.7);

    public MatchTuning withPenalties(double query, double candidate, double conflict) {
        return new MatchTuning(minTokenSimilarity, levenshteinShare, phoneticFloor, initialSimilarity,
                similarityExponent, query, candidate, conflict, weakAliasFactor, dobContradiction, dobCorroboration,
                nationalityContradiction, nationalityCorroboration, minIndexCoverage, extraEditCost,
                organisationUnmatchedPenalty, legalFormConflict, patronymicSwap, numberVariantSimilarity);
    }

    public MatchTuning withTokenSimilarity(double minTokenSimilarity, double levenshteinShare, double exponent) {
        return new MatchTuning(minTokenSimilarity, levenshteinShare, phoneticFloor, initialSimilarity, exponent,
                unmatchedQueryPenalty, unmatchedCandidatePenalty, conflictPenalty, weakAliasFactor, dobContradiction,
                dobCorroboration, nationalityContradiction, nationalityCorroboration, minIndexCoverage, extraEditCost,
                organisationUnmatchedPenalty, legalFormConflict, patronymicSwap, numberVariantSimilarity);
    }

    public MatchTuning withRules(double extraEditCost, double organisationUnmatchedPenalty, double legalFormConflict,
                                 double patronymicSwap) {
        return new MatchTuning(minTokenSimilarity, levenshteinShare, phoneticFloor, initialSimilarity,
                similarityExponent, unmatchedQueryPenalty, unmatchedCandidatePenalty, conflictPenalty, weakAliasFactor,
                dobContradiction, dobCorroboration, nationalityContradiction, nationalityCorroboration, minIndexCoverage,
                extraEditCost, organisationUnmatchedPenalty, legalFormConflict, patronymicSwap, numberVariantSimilarity);
    }

    public MatchTuning withNumberVariantSimilarity(double numberVariantSimilarity) {
        return new MatchTuning(minTokenSimilarity, levenshteinShare, phoneticFloor, initialSimilarity,
                similarityExponent, unmatchedQueryPenalty, unmatchedCandidatePenalty, conflictPenalty, weakAliasFactor,
                dobContradiction, dobCorroboration, nationalityContradiction, nationalityCorroboration, minIndexCoverage,
                extraEditCost, organisationUnmatchedPenalty, legalFormConflict, patronymicSwap, numberVariantSimilarity);
    }
}
