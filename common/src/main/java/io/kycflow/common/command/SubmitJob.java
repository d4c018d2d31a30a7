package io.kycflow.common.command;

import java.time.Instant;

/** Start a job. The first submission of a key wins; every later one is a duplicate (409). */
public record SubmitJob(int schemaVersion, String submissionId, String tenantId, String jobId, Instant issuedAt,
                        JobRequest request) implements JobCommand {
}
