package io.kycflow.common.notification;

import io.kycflow.common.crypto.HasDataKey;
import io.kycflow.common.crypto.Personal;

import java.time.Instant;

/**
 * A delivery waiting for its next attempt on a {@code kyc.notifications.retry.<tier>} topic, or given up
 * on {@code kyc.notifications.dlq}. It carries the exact bytes to send, so every attempt sends the same
 * body whatever has happened to the job since; the signature is made fresh at each attempt.
 *
 * @param nextAttempt the number of the attempt to make (2 = the first retry)
 * @param dueAt       not before this instant
 * @param lastOutcome what the previous attempt got ({@code HTTP 503}, {@code timed out}…), for the DLQ
 * @param body        the exact bytes to send, sealed with {@code data_key_ref} (the job's data key, or
 *                    {@link HasDataKey#NO_PERSONAL_DATA} for a test event); null once the job was deleted
 */
public record ParkedDelivery(int schemaVersion, String deliveryId, String target, String jobKey, String tenantId,
                             String eventId, String eventType, String url, @Personal byte[] body, int nextAttempt,
                             Instant firstAttemptAt, Instant dueAt, String lastOutcome, String dataKeyRef)
        implements HasDataKey {

    public static final int SCHEMA_VERSION = 1;
}
