package io.kycflow.screening.match;

/** Score cut-offs for the ratings; the check's caller (the agent) may set its own. */
public record RatingThresholds(double strong, double partial, double weak) {
    /** Tuned on the 70% split of the nomenklatura name pairs and the UN positives / global negatives. */
    public static final RatingThresholds DEFAULT = new RatingThresholds(0.90, 0.80, 0.65);

    /**
     * For bare name pairs (no list, no date of birth to contradict): the F1-best cut-off on the 70% split
     * of the nomenklatura pairs is lower than what screening against whole lists can afford.
     */
    public static final RatingThresholds PAIRS = new RatingThresholds(0.80, 0.65, 0.55);

    public RatingThresholds {
        if (!(weak <= partial && partial <= strong)) {
            throw new IllegalArgumentException("thresholds must satisfy weak <= partial <= strong");
        }
    }

    public MatchRating rate(double score) {
        if (score >= strong) {
            return MatchRating.STRONG_MATCH;
        }
        if (score >= partial) {
            return MatchRating.PARTIAL_MATCH;
        }
        if (score >= weak) {
            return MatchRating.WEAK_MATCH;
        }
        return MatchRating.NO_MATCH;
    }
}
