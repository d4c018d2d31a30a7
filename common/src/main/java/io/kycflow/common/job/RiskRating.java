package io.kycflow.common.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How risky the person of a finished job looks, from the agent's risk rules: {@code low < medium < high}. */
public enum RiskRating {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high");

    private final String wire;

    RiskRating(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** The higher of the two. */
    public RiskRating max(RiskRating other) {
        return other != null && other.compareTo(this) > 0 ? other : this;
    }

    @JsonCreator
    public static RiskRating fromWire(String wire) {
        for (RiskRating r : values()) {
            if (r.wire.equalsIgnoreCase(wire)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown risk rating '" + wire + "' (low, medium or high)");
    }
}
