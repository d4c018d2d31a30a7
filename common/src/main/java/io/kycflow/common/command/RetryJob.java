package io.kycflow.common.command;

import java.time.Instant;

/**
 * Run a finished job again as a new job {@code newJobId} with the same subject, agent plan and
 * notification targets. The registry links both ways ({@code new_job_id} on this one,
 * {@code original_job_id} on the new one) and submits the new job itself, under this command's submission
 * id, so the caller's answer is the new job's outcome.
 */
public record RetryJob(int schemaVersion, String submissionId, String tenantId, String jobId, Instant issuedAt,
                       String newJobId) implements JobCommand {
}
