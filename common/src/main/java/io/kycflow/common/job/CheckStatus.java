package io.kycflow.common.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The status of one check within a job. {@code complete} and {@code error} are final. */
public enum CheckStatus {
    PENDING("pending"),
    RUNNING("running"),
    COMPLETE("complete"),
    ERROR("error");

    private final String wire;

    CheckStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public boolean isFinal() {
        return this == COMPLETE || this == ERROR;
    }

    @JsonCreator
    public static CheckStatus fromWire(String wire) {
        for (CheckStatus s : values()) {
            if (s.wire.equalsIgnoreCase(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown check status: " + wire);
    }
}
