package io.kycflow.workers.checks.sanctions;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.screening.match.RatingThresholds;
import io.kycflow.workers.check.CheckUnavailableException;

/**
 * The rating cut-offs for one screening task (sanctions or PEP): the agent's {@code strong_match_threshold} / {@code partial_match_threshold}
 * (and optionally {@code weak_match_threshold}) over the library's defaults. The agent owns the policy, so its
 * numbers win; nonsense numbers are refused rather than silently replaced, since a wrong threshold changes
 * who is let through.
 */
public final class SanctionsThresholds {

    static final String STRONG = "strong_match_threshold";
    static final String PARTIAL = "partial_match_threshold";
    static final String WEAK = "weak_match_threshold";

    private SanctionsThresholds() {
    }

    public static RatingThresholds from(JsonNode args, RatingThresholds defaults) throws CheckUnavailableException {
        double strong = read(args, STRONG, defaults.strong());
        double partial = read(args, PARTIAL, defaults.partial());
        // A lower partial cut-off than the default weak one would otherwise make the thresholds invalid:
        // the weak band then simply shrinks to nothing.
        double weak = read(args, WEAK, Math.min(defaults.weak(), partial));
        if (!(weak <= partial && partial <= strong)) {
            throw new CheckUnavailableException("invalid_arguments", String.format(java.util.Locale.ROOT,
                    "Match thresholds must satisfy weak <= partial <= strong (got %.2f, %.2f, %.2f).",
                    weak, partial, strong));
        }
        return new RatingThresholds(strong, partial, weak);
    }

    private static double read(JsonNode args, String name, double fallback) throws CheckUnavailableException {
        JsonNode value = args == null ? null : args.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber() || value.asDouble() <= 0 || value.asDouble() > 1) {
            throw new CheckUnavailableException("invalid_arguments",
                    "The agent argument " + name + " must be a number in (0, 1].");
        }
        return value.asDouble();
    }
}
