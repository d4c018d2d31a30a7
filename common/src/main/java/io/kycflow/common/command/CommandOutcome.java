package io.kycflow.common.command;

import io.kycflow.common.job.Job;

/**
 * The registry's answer to one command, on {@code kyc.job-command-outcomes}, correlated by submission id.
 * {@code job} is set when accepted (the API returns it in the 200 body).
 */
public record CommandOutcome(int schemaVersion, String submissionId, String tenantId, String jobId, Kind outcome,
                             String reason, Job job) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * ACCEPTED: done (the job as it now is); DUPLICATE: the job_id exists; REJECTED: unreadable or invalid;
     * NOT_FOUND: no such job (cancel, retry); CONFLICT: the job's state forbids it (reason says why).
     */
    public enum Kind { ACCEPTED, DUPLICATE, REJECTED, NOT_FOUND, CONFLICT }

    public static CommandOutcome accepted(String submissionId, Job job) {
        return new CommandOutcome(SCHEMA_VERSION, submissionId, job.tenantId(), job.id(), Kind.ACCEPTED, null, job);
    }

    public static CommandOutcome duplicate(String submissionId, String tenantId, String jobId) {
        return new CommandOutcome(SCHEMA_VERSION, submissionId, tenantId, jobId, Kind.DUPLICATE, null, null);
    }

    public static CommandOutcome notFound(String submissionId, String tenantId, String jobId) {
        return new CommandOutcome(SCHEMA_VERSION, submissionId, tenantId, jobId, Kind.NOT_FOUND, null, null);
    }

    public static CommandOutcome conflict(String submissionId, String tenantId, String jobId, String reason) {
        return new CommandOutcome(SCHEMA_VERSION, submissionId, tenantId, jobId, Kind.CONFLICT, reason, null);
    }

    public static CommandOutcome rejected(String submissionId, String tenantId, String jobId, String reason) {
        return new CommandOutcome(SCHEMA_VERSION, submissionId, tenantId, jobId, Kind.REJECTED, reason, null);
    }
}
