package io.kycflow.ingest.registry;

import io.kycflow.common.job.Job;

import java.util.List;

/**
 * The job as an accepted outcome carries it: only what the 200 answer shows (the public view without
 * check results or status messages). Every API instance reads every outcome, inside the request's
 * latency, and the outcome is written in the registry's transaction; the plan (every check with its
 * arguments) and the notification targets are never in that answer, so they stay in the store and on
 * {@code kyc.jobs}, not here. The submission id stays: it names the job's data key, which seals its input.
 */
final class OutcomeJob {

    private OutcomeJob() {
    }

    static Job of(Job job) {
        return new Job(job.schemaVersion(), job.id(), job.tenantId(), job.agentId(), job.agentVersion(), job.caseId(),
                job.status(), job.progress(), job.recommendation(), job.inputPayload(), job.queuedAt(), job.startedAt(),
                job.completedAt(), job.createdAt(), job.updatedAt(), List.of(), List.of(), null, job.submissionId(), null,
                job.eventSequence(), job.originalJobId(), job.newJobId(), job.review(), job.riskRating(), job.riskFactors(),
                job.monitoring());
    }
}
