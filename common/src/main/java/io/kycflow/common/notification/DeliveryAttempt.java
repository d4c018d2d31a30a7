package io.kycflow.common.notification;

import java.time.Instant;

/**
 * One delivery attempt, as the notifier records it on {@code kyc.notifications.attempts} (keyed
 * {@code tenant/job_id}): when, to which host, what came back ({@code status_code}, or {@code error}
 * when there was no answer), how long it took, and the delivery's state after it. The registry folds
 * these into {@link WebhookDeliveries} for {@code getWebhookDeliveries}. Never a URL path, a body or a
 * secret: only the host.
 */
public record DeliveryAttempt(int schemaVersion, String deliveryId, String eventId, String eventType, String target,
                              String host, int attempt, Instant at, Integer statusCode, String error, long durationMs,
                              DeliveryStatus state, Instant nextAttemptAt) {

    public static final int SCHEMA_VERSION = 1;
}
