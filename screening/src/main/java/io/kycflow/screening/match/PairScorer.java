package io.kycflow.screening.match;

/**
 * Compares two names directly, without lists: {@code score(name1, name2, schema)}. name1 is the query side,
 * name2 the listed side (penalties for leftover parts differ by side). With token weights from loaded lists
 * ({@link Screener#pairScorer()}) common names weigh less; {@link #PairScorer()} weighs every part alike
 * except particles and legal forms.
 */
public final class PairScorer {
    private final TokenWeights weights;
    private final NameScorer scorer;
    private final RatingThresholds thresholds;

    public PairScorer() {
        this(TokenWeights.uniform(), MatchTuning.DEFAULT, RatingThresholds.PAIRS);
    }

    public PairScorer(TokenWeights weights, MatchTuning tuning, RatingThresholds thresholds) {
        this.weights = weights;
        this.scorer = new NameScorer(tuning);
        this.thresholds = thresholds;
    }

    /**
     * @param schema FollowTheMoney-style schema ("Person", "Company", ...) or null; names of different kinds
     *               are compared alike except that names of organisations, vessels and aircraft count
     *               every word and compare legal forms, and person names check the order around "bin"
     */
    public PairScore score(String name1, String name2, String schema) {
        boolean organisation = Schema.parse(schema).isThing();
        PreparedName a = PreparedName.of(name1, weights, organisation);
        PreparedName b = PreparedName.of(name2, weights, organisation);
        NameMatch match = scorer.explain(a, b, organisation);
        MatchRating rating = thresholds.rate(match.score());
        return new PairScore(match.score(), rating, rating.isMatch(), match);
    }
}
