package io.kycflow.common.notification;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a delivery stands after an attempt, as {@code getWebhookDeliveries} shows it. */
public enum DeliveryStatus {
    /** Failed for now; another attempt is scheduled. */
    PENDING,
    /** A 2xx answer. */
    DELIVERED,
    /** An answer retrying cannot change (4xx other than 408/429, a redirect), or a URL the guard refuses. */
    STOPPED,
    /** Every attempt of the schedule failed; the delivery is on the dead-letter topic. */
    DEAD_LETTERED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
