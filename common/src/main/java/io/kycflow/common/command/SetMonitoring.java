package io.kycflow.common.command;

import java.time.Instant;

/** Put a job's subject under ongoing monitoring, or end it ({@code POST /monitoring/subscribe|unsubscribe}). */
public record SetMonitoring(int schemaVersion, String submissionId, String tenantId, String jobId, Instant issuedAt,
                            boolean active) implements JobCommand {
}
