package io.kycflow.workers.checks.identity;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What one identity field came to: an absent optional field is neither a pass nor a failure. */
public enum FieldStatus {
    PASSED, FAILED, NOT_PROVIDED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
