package io.kycflow.common.review;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** An analyst's decision on a whole case (one job): approve, reject, or hand it to someone more senior. */
public enum CaseOutcome {
    APPROVE("approved"), REJECT("rejected"), ESCALATE("escalated");

    private final String state;

    CaseOutcome(String state) {
        this.state = state;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The review status it leaves the job in: {@code approved}, {@code rejected}, {@code escalated}. */
    public String state() {
        return state;
    }

    @JsonCreator
    public static CaseOutcome fromWire(String value) {
        for (CaseOutcome v : values()) {
            if (v.wire().equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown case decision: " + value);
    }
}
