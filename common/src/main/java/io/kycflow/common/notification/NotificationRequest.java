package io.kycflow.common.notification;

import io.kycflow.common.job.JobEvent;

import java.time.Instant;

/**
 * A notification someone asked for through the API, on {@code kyc.notifications.requests} (keyed
 * {@code tenant/job_id}): {@code triggerWebhook} re-sends a job's latest event to its webhook (or to
 * {@code webhook_url} when given); {@code testWebhook} sends a signed test event to {@code webhook_url}.
 * The API checks the URL before writing the request; the notifier checks it again when it sends.
 *
 * @param event the job's event to re-send ({@code TRIGGER}); null for {@code TEST}
 */
public record NotificationRequest(int schemaVersion, Kind kind, String requestId, String tenantId, String jobId,
                                  String webhookUrl, JobEvent event, Instant requestedAt) {

    public static final int SCHEMA_VERSION = 1;

    public enum Kind { TRIGGER, TEST }

    /** The event type of a test event, and the job id prefix its deliveries are recorded under. */
    public static final String TEST_EVENT_TYPE = "webhook.test";
    public static final String TEST_JOB_PREFIX = "webhook-test-";
}
