package io.kycflow.common.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations people write in settings: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 7d}. */
public final class DurationSetting {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private DurationSetting() {
    }

    public static Duration parse(String name, String text) {
        Matcher m = FORMAT.matcher(text.trim().toLowerCase());
        if (!m.matches()) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not a duration like 500ms, 30s, 2m, 1h or 7d");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
