package io.kycflow.common.command;

import java.time.Instant;

/**
 * Start a job. The first submission of a key wins; every later one is a duplicate (409).
 *
 * @param originalJobId set when the registry starts this job as the retry of another ({@code retryJob})
 */
public record SubmitJob(int schemaVersion, String submissionId, String tenantId, String jobId, Instant issuedAt,
                        JobRequest request, String originalJobId) implements JobCommand {
}
