package io.kycflow.common.command;

import io.kycflow.common.crypto.DataKeyRef;
import io.kycflow.common.crypto.HasDataKey;
import io.kycflow.common.job.JobPlan;

import java.time.Instant;

/**
 * Start a job. The first submission of a key wins; every later one is a duplicate (409). The request's
 * {@code kyc_schema} is sealed with this submission's own data key ({@link #dataKeyRef()}), written by the API
 * before the command.
 *
 * @param originalJobId set when the registry starts this job as the retry of another ({@code retryJob})
 */
public record SubmitJob(int schemaVersion, String submissionId, String tenantId, String jobId, Instant issuedAt,
                        JobRequest request, String originalJobId) implements JobCommand, HasDataKey {

    @Override
    public String dataKeyRef() {
        return DataKeyRef.of(tenantId, jobId, submissionId);
    }

    /** This submission with another plan (the API names the agent's rules this way). */
    public SubmitJob withPlan(JobPlan plan) {
        return new SubmitJob(schemaVersion, submissionId, tenantId, jobId, issuedAt, request.withPlan(plan), originalJobId);
    }

    /** The same request as another submission: another id, and so another data key. */
    public SubmitJob withSubmissionId(String submissionId) {
        return new SubmitJob(schemaVersion, submissionId, tenantId, jobId, issuedAt, request, originalJobId);
    }
}
