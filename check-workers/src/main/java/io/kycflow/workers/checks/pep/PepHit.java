package io.kycflow.workers.checks.pep;

import io.kycflow.screening.match.Effect;
import io.kycflow.screening.match.Hit;
import io.kycflow.screening.match.HitExplanation;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.screening.model.Topics;

/**
 * One person the subject may be, from a PEP list or from the vendor's potential hits, rated under the agent's
 * thresholds, with where they stand as a PEP.
 *
 * @param source  "list" (a PEP list in service) or "vendor" (the kyc_schema's potential_pep_hits)
 * @param pepType "Domestic PEP", "Foreign PEP" (the role's country against the subject's), "PEP" when the
 *                country is not known, or "Relative or close associate of a PEP"
 */
record PepHit(Hit hit, MatchRating rating, boolean dobCorroborated, PepStatus status, String pepType, String source) {

    private static final String DATE_OF_BIRTH = "date of birth";

    static PepHit of(Hit hit, MatchRating rating, PepStatus status, String subjectCountry, String source) {
        boolean corroborated = hit.explanation().evidence().stream()
                .anyMatch(e -> DATE_OF_BIRTH.equals(e.feature()) && e.effect() == Effect.CORROBORATES);
        return new PepHit(hit, rating, corroborated, status, pepType(hit, status, subjectCountry), source);
    }

    private static String pepType(Hit hit, PepStatus status, String subjectCountry) {
        if (hit.entity().hasTopic(Topics.RCA) && !hit.entity().hasTopic(Topics.PEP)) {
            return "Relative or close associate of a PEP";
        }
        String country = status.current().map(r -> r.country()).orElse(null);
        if (country == null || subjectCountry == null) {
            return "PEP";
        }
        return country.equalsIgnoreCase(subjectCountry) ? "Domestic PEP" : "Foreign PEP";
    }

    /** A match on someone the agent's period still counts as a PEP: what the agent's rules act on. */
    boolean countsAsPep() {
        return status.stillPep() && rating != MatchRating.NO_MATCH;
    }

    /** The library's explanation with this rating and the PEP status, so the text states what the check applied. */
    String describe(PepPeriod period) {
        HitExplanation e = hit.explanation();
        String text = new HitExplanation(e.listId(), e.matchedName(), e.matchedNameType(), e.matchedNameQuality(),
                e.nameMatch(), e.aliasQualityFactor(), e.evidence(), e.finalScore(), rating).describe();
        if (status.status() == null) {
            return text + "; PEP status unknown (no dates for the role): treated as a PEP";
        }
        if (status.status().equals("Active")) {
            return text + "; in office";
        }
        return text + "; left office " + status.leftOffice() + (status.stillPep()
                ? ", still a PEP (" + period.describe() + ")"
                : ", no longer a PEP under the agent's rule (" + period.describe() + ")");
    }
}
