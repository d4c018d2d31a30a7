package io.kycflow.notifier;

/** How a delivery ended (the durable version adds {@code pending} and {@code dead_lettered}). */
public enum DeliveryState {
    /** A 2xx answer. */
    DELIVERED,
    /** An answer that retrying will not change (4xx other than 408/429, 3xx), or a URL the guard refuses. */
    STOPPED,
    /** Every attempt of the policy failed. */
    GAVE_UP
}
