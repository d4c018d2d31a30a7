package io.kycflow.common.notification;

import java.time.Instant;

/**
 * A delivery waiting for its next attempt on a {@code kyc.notifications.retry.<tier>} topic, or given up
 * on {@code kyc.notifications.dlq}. It carries the exact bytes to send, so every attempt sends the same
 * body whatever has happened to the job since; the signature is made fresh at each attempt.
 *
 * @param nextAttempt the number of the attempt to make (2 = the first retry)
 * @param dueAt       not before this instant
 * @param lastOutcome what the previous attempt got ({@code HTTP 503}, {@code timed out}…), for the DLQ
 */
public record ParkedDelivery(int schemaVersion, String deliveryId, String target, String jobKey, String tenantId,
                             String eventId, String eventType, String url, byte[] body, int nextAttempt,
                             Instant firstAttemptAt, Instant dueAt, String lastOutcome) {

    public static final int SCHEMA_VERSION = 1;
}
