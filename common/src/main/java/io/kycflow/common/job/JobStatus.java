package io.kycflow.common.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Job status values, spelled as the reference backend emits them (lower case, {@code "in progress"} with a space). */
public enum JobStatus {
    QUEUED("queued"),
    IN_PROGRESS("in progress"),
    COMPLETE("complete"),
    ERROR("error"),
    FAILED("failed"),
    CANCELLED("cancelled"),
    /** Erased by {@code deleteJob}: a PII-free audit record remains. */
    DELETED("deleted");

    private final String wire;

    JobStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public boolean isTerminal() {
        return this == COMPLETE || this == ERROR || this == FAILED || this == CANCELLED || this == DELETED;
    }

    @JsonCreator
    public static JobStatus fromWire(String wire) {
        for (JobStatus s : values()) {
            if (s.wire.equalsIgnoreCase(wire) || s.name().equalsIgnoreCase(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown job status: " + wire);
    }
}
