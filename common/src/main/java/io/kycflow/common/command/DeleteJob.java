package io.kycflow.common.command;

import java.time.Instant;

/**
 * Erase a job's personal data ({@code deleteJob}): the registry destroys the job's data key (a tombstone on
 * {@code kyc.job-keys}, in its transaction), so every copy of the data anywhere stays ciphertext for good, and
 * replaces the job with a PII-free audit record (status {@code deleted}). The record stays in the job store:
 * the job_id remains taken.
 */
public record DeleteJob(int schemaVersion, String submissionId, String tenantId, String jobId, Instant issuedAt)
        implements JobCommand {
}
