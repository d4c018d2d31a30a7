package io.kycflow.common.review;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What an analyst found a screening hit to be. */
public enum HitVerdict {
    TRUE_MATCH, FALSE_POSITIVE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static HitVerdict fromWire(String value) {
        for (HitVerdict v : values()) {
            if (v.wire().equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown hit verdict: " + value);
    }
}
