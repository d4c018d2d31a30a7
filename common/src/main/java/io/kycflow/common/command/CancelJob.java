package io.kycflow.common.command;

import java.time.Instant;

/** Stop a job that has not finished: it ends {@code cancelled}, and results that still arrive are ignored. */
public record CancelJob(int schemaVersion, String submissionId, String tenantId, String jobId, Instant issuedAt)
        implements JobCommand {
}
