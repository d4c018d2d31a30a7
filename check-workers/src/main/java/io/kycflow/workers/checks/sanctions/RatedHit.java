package io.kycflow.workers.checks.sanctions;

import io.kycflow.screening.match.Effect;
import io.kycflow.screening.match.FeatureEvidence;
import io.kycflow.screening.match.Hit;
import io.kycflow.screening.match.HitExplanation;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.screening.match.RatingThresholds;

/**
 * A library hit rated under the task's thresholds (the agent's, which may differ from the screener's), and
 * whether the listed date of birth corroborates the subject's.
 */
record RatedHit(Hit hit, MatchRating rating, boolean dobCorroborated) {

    /** The library's name for the date-of-birth feature in a hit's explanation. */
    private static final String DATE_OF_BIRTH = "date of birth";

    static RatedHit of(Hit hit, RatingThresholds thresholds) {
        boolean corroborated = hit.explanation().evidence().stream()
                .anyMatch(e -> DATE_OF_BIRTH.equals(e.feature()) && e.effect() == Effect.CORROBORATES);
        return new RatedHit(hit, thresholds.rate(hit.score()), corroborated);
    }

    /** The library's explanation with this rating, so the text never states a rating the check did not apply. */
    String describe() {
        HitExplanation e = hit.explanation();
        return new HitExplanation(e.listId(), e.matchedName(), e.matchedNameType(), e.matchedNameQuality(),
                e.nameMatch(), e.aliasQualityFactor(), e.evidence(), e.finalScore(), rating).describe();
    }

    /** Date-of-birth evidence as a short phrase for the officer-facing explanation, e.g. "corroborates". */
    String dateOfBirthEffect() {
        return hit.explanation().evidence().stream().filter(e -> DATE_OF_BIRTH.equals(e.feature()))
                .map(FeatureEvidence::effect).findFirst().orElse(Effect.NEUTRAL).name().toLowerCase(java.util.Locale.ROOT);
    }
}
