package io.kycflow.common.health;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One component's line in the readiness answer: {@code {"status":"ready"}} or {@code {"status":"not ready","reason":…}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComponentHealth(String status, String reason) {

    public static final String READY = "ready";
    public static final String NOT_READY = "not ready";

    public static ComponentHealth ready() {
        return new ComponentHealth(READY, null);
    }

    public static ComponentHealth notReady(String reason) {
        return new ComponentHealth(NOT_READY, reason);
    }

    @JsonIgnore
    public boolean isReady() {
        return READY.equals(status);
    }
}
