package io.kycflow.common.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The job's outcome for the person, as the reference API spells it. */
public enum Recommendation {
    APPROVE("Approve"),
    REVIEW("Review"),
    DENY("Deny");

    private final String wire;

    Recommendation(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Recommendation fromWire(String wire) {
        for (Recommendation r : values()) {
            if (r.wire.equalsIgnoreCase(wire)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown recommendation: " + wire);
    }
}
