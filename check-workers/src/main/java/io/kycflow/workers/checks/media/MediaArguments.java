package io.kycflow.workers.checks.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.screening.match.RatingThresholds;
import io.kycflow.workers.check.CheckUnavailableException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The agent's arguments for one task: name thresholds ({@code strong_match_threshold},
 * {@code partial_match_threshold}, {@code weak_match_threshold}; the library's pair thresholds by default) and
 * the kinds of event that count as serious ({@code serious_categories}). Nonsense is refused rather than
 * replaced: a wrong threshold changes who is let through.
 */
record MediaArguments(RatingThresholds thresholds, Set<AdverseMediaCategory> serious) {

    static final Set<AdverseMediaCategory> DEFAULT_SERIOUS = Set.copyOf(EnumSet.of(AdverseMediaCategory.FRAUD,
            AdverseMediaCategory.CORRUPTION, AdverseMediaCategory.MONEY_LAUNDERING,
            AdverseMediaCategory.TERRORIST_FINANCING, AdverseMediaCategory.SANCTIONS_EVASION,
            AdverseMediaCategory.ORGANISED_CRIME, AdverseMediaCategory.TRAFFICKING, AdverseMediaCategory.TAX_CRIME,
            AdverseMediaCategory.HUMAN_RIGHTS));

    MediaArguments {
        serious = Set.copyOf(serious);
    }

    static MediaArguments from(JsonNode args) throws CheckUnavailableException {
        RatingThresholds defaults = RatingThresholds.PAIRS;
        double strong = number(args, "strong_match_threshold", defaults.strong());
        double partial = number(args, "partial_match_threshold", defaults.partial());
        double weak = number(args, "weak_match_threshold", Math.min(defaults.weak(), partial));
        if (!(weak <= partial && partial <= strong)) {
            throw new CheckUnavailableException("invalid_arguments", String.format(Locale.ROOT,
                    "Adverse media thresholds must satisfy weak <= partial <= strong (got %.2f, %.2f, %.2f).",
                    weak, partial, strong));
        }
        return new MediaArguments(new RatingThresholds(strong, partial, weak), serious(args));
    }

    private static Set<AdverseMediaCategory> serious(JsonNode args) throws CheckUnavailableException {
        JsonNode value = args == null ? null : args.get("serious_categories");
        if (value == null || value.isNull()) {
            return DEFAULT_SERIOUS;
        }
        if (!value.isArray()) {
            throw new CheckUnavailableException("invalid_arguments",
                    "The agent argument serious_categories must be an array of category names.");
        }
        Set<AdverseMediaCategory> serious = EnumSet.noneOf(AdverseMediaCategory.class);
        for (JsonNode v : value) {
            AdverseMediaCategory c = AdverseMediaCategory.fromWire(v.asText()).orElse(null);
            if (c == null) {
                throw new CheckUnavailableException("invalid_arguments", "serious_categories: unknown category '"
                        + v.asText().replaceAll("[^a-z_]", "?") + "'.");
            }
            serious.add(c);
        }
        return serious;
    }

    private static double number(JsonNode args, String name, double fallback) throws CheckUnavailableException {
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
