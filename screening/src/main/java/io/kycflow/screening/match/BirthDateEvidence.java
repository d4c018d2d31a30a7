package io.kycflow.screening.match;

import io.kycflow.screening.model.BirthDate;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date of birth as evidence: a listed year equal to the query's corroborates, every listed year more than a
 * year away contradicts (pulling even a perfect name match down), and a missing date on either side
 * neither helps nor hurts.
 */
final class BirthDateEvidence {
    private static final Pattern QUERY_DATE = Pattern.compile("^(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");
    /** Lists give years for people whose exact date is unknown; one year either side is still the same person. */
    private static final int TOLERANCE_YEARS = 1;

    private BirthDateEvidence() {
    }

    static FeatureEvidence apply(String queryDate, List<BirthDate> listed, double score, MatchTuning tuning) {
        if (queryDate == null || queryDate.isBlank()) {
            return FeatureEvidence.neutral("date of birth", score, "not given in query");
        }
        if (listed.isEmpty()) {
            return FeatureEvidence.neutral("date of birth", score, "not listed");
        }
        Matcher m = QUERY_DATE.matcher(queryDate.strip());
        if (!m.find()) {
            return FeatureEvidence.neutral("date of birth", score, "query date unreadable: " + queryDate);
        }
        int year = Integer.parseInt(m.group(1));
        LocalDate exact = null;
        if (m.group(3) != null) {
            try {
                exact = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException ignored) {
                // compare by year only
            }
        }
        int closest = Integer.MAX_VALUE;
        boolean sameDay = false;
        for (BirthDate d : listed) {
            closest = Math.min(closest, d.yearsApart(year));
            if (exact != null && exact.equals(d.exactDate())) {
                sameDay = true;
            }
        }
        String detail = "query " + queryDate.strip() + " vs listed " + listed;
        if (sameDay || closest == 0) {
            double after = score + (1 - score) * tuning.dobCorroboration();
            return new FeatureEvidence("date of birth", Effect.CORROBORATES, score, after, detail);
        }
        if (closest <= TOLERANCE_YEARS) {
            return FeatureEvidence.neutral("date of birth", score, detail + ", within a year");
        }
        return new FeatureEvidence("date of birth", Effect.CONTRADICTS, score, score * tuning.dobContradiction(), detail);
    }
}
