package io.kycflow.workers.checks.pep;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.workers.check.CheckUnavailableException;

import java.time.LocalDate;

/**
 * How long someone stays a PEP after leaving office: the agent's {@code pep_period_after_office}, a number of
 * months (default 12, the usual rule; 0 ends it with the office) or {@code "for_life"}, which many institutions
 * apply. A nonsense value is refused: a wrong period changes who gets enhanced due diligence.
 */
record PepPeriod(int months, boolean forLife) {

    static final String ARGUMENT = "pep_period_after_office";
    static final PepPeriod DEFAULT = new PepPeriod(12, false);
    private static final int MAX_MONTHS = 1200;

    static PepPeriod from(JsonNode args) throws CheckUnavailableException {
        JsonNode value = args == null ? null : args.get(ARGUMENT);
        if (value == null || value.isNull()) {
            return DEFAULT;
        }
        if (value.isTextual() && value.asText().equals("for_life")) {
            return new PepPeriod(0, true);
        }
        if (value.canConvertToInt() && value.isIntegralNumber() && value.asInt() >= 0 && value.asInt() <= MAX_MONTHS) {
            return new PepPeriod(value.asInt(), false);
        }
        throw new CheckUnavailableException("invalid_arguments", "The agent argument " + ARGUMENT
                + " must be a whole number of months from 0 to " + MAX_MONTHS + ", or \"for_life\".");
    }

    /** Whether someone who left office on that day is still a PEP on {@code today}. */
    boolean stillCovers(LocalDate leftOffice, LocalDate today) {
        return forLife || !today.isAfter(leftOffice.plusMonths(months));
    }

    String describe() {
        return forLife ? "for life" : months + " months after leaving office";
    }
}
