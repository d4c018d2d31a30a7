package io.kycflow.screening.match;

/**
 * One non-name feature's effect on a hit, e.g. date of birth: "query 1957 vs listed 1952: contradicts,
 * 0.97 -> 0.73".
 */
public record FeatureEvidence(String feature, Effect effect, double scoreBefore, double scoreAfter, String detail) {
    static FeatureEvidence neutral(String feature, double score, String detail) {
        return new FeatureEvidence(feature, Effect.NEUTRAL, score, score, detail);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: %s (%s) %.2f -> %.2f", feature,
                effect.name().toLowerCase(java.util.Locale.ROOT), detail, scoreBefore, scoreAfter);
    }
}
