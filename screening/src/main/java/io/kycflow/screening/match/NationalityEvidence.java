package io.kycflow.screening.match;

import io.kycflow.screening.model.Countries;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Nationality as evidence: agreement corroborates a little; when the list states nationalities and none is
 * the query's, it contradicts a little (people hold several, and lists are incomplete, so this stays mild).
 */
final class NationalityEvidence {
    private NationalityEvidence() {
    }

    static FeatureEvidence apply(String queryNationality, List<String> listed, double score, MatchTuning tuning) {
        if (queryNationality == null || queryNationality.isBlank()) {
            return FeatureEvidence.neutral("nationality", score, "not given in query");
        }
        if (listed.isEmpty()) {
            return FeatureEvidence.neutral("nationality", score, "not listed");
        }
        Optional<String> code = Countries.isoCode(queryNationality);
        String wanted = code.orElse(queryNationality.strip()).toLowerCase(Locale.ROOT);
        String detail = "query " + queryNationality.strip() + " vs listed " + listed;
        for (String n : listed) {
            if (n.toLowerCase(Locale.ROOT).equals(wanted)) {
                double after = score + (1 - score) * tuning.nationalityCorroboration();
                return new FeatureEvidence("nationality", Effect.CORROBORATES, score, after, detail);
            }
        }
        if (code.isEmpty()) {
            return FeatureEvidence.neutral("nationality", score, detail + ", query country not recognised");
        }
        return new FeatureEvidence("nationality", Effect.CONTRADICTS, score,
                score * tuning.nationalityContradiction(), detail);
    }
}
