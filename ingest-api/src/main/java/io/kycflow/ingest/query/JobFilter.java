package io.kycflow.ingest.query;

import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobStatus;

import java.time.Instant;
import java.util.Optional;

/**
 * What a listing asks for: one tenant's jobs, optionally of one agent, status or case, created in
 * {@code [createdAfter, createdBefore)}, optionally
 * under ongoing monitoring or not ({@code monitored}).
 */
public record JobFilter(String tenantId, Optional<String> agentKey, Optional<JobStatus> status,
                        Optional<String> caseId, Optional<Instant> createdAfter, Optional<Instant> createdBefore,
                        Optional<Boolean> monitored) {

    /** A filter that does not ask about monitoring. */
    public JobFilter(String tenantId, Optional<String> agentKey, Optional<JobStatus> status, Optional<String> caseId,
                     Optional<Instant> createdAfter, Optional<Instant> createdBefore) {
        this(tenantId, agentKey, status, caseId, createdAfter, createdBefore, Optional.empty());
    }

    public boolean matches(Job job) {
        return job.tenantId().equals(tenantId)
                && agentKey.map(a -> a.equals(job.agentId())).orElse(true)
                && status.map(s -> s == job.status()).orElse(true)
                && caseId.map(c -> c.equals(job.caseId())).orElse(true)
                && createdAfter.map(t -> !job.createdAt().isBefore(t)).orElse(true)
                && createdBefore.map(t -> job.createdAt().isBefore(t)).orElse(true)
                && monitored.map(m -> m == job.monitoring().active()).orElse(true);
    }
}
