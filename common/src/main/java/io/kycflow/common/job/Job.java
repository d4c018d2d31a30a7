package io.kycflow.common.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.crypto.DataKeyRef;
import io.kycflow.common.crypto.HasDataKey;
import io.kycflow.common.crypto.Personal;
import io.kycflow.common.monitoring.JobMonitoring;
import io.kycflow.common.review.JobReview;

import java.time.Instant;
import java.util.List;

/**
 * The job as the registry keeps it (store and the compacted {@code kyc.jobs} topic). The public API
 * renders a view of it; {@code plan}, {@code submission_id}, the notification targets and the event
 * sequence are internal. {@code original_job_id} / {@code new_job_id} link a job retried with {@code retryJob}
 * to its retry, both ways. {@code risk_rating} / {@code risk_factors} are set when the job finishes (complete
 * or error), from the plan's risk rules; null / empty before, and for a cancelled job. {@code input_payload}
 * and the check results' personal fields are sealed with the winning submission's data key
 * ({@link #dataKeyRef()}) wherever the job is stored.
 */
public record Job(
        int schemaVersion,
        String id,
        String tenantId,
        String agentId,
        String agentVersion,
        String caseId,
        JobStatus status,
        double progress,
        Recommendation recommendation,
        @Personal JsonNode inputPayload,
        Instant queuedAt,
        Instant startedAt,
        Instant completedAt,
        Instant createdAt,
        Instant updatedAt,
        List<CheckResult> checkResults,
        List<StatusMessage> statusMessages,
        JobPlan plan,
        String submissionId,
        NotificationTargets notifications,
        long eventSequence,
        String originalJobId,
        String newJobId,
        JobReview review,
        RiskRating riskRating,
        List<RiskFactor> riskFactors,
        JobMonitoring monitoring) implements HasDataKey {

    public static final int SCHEMA_VERSION = 1;

    public Job {
        checkResults = checkResults == null ? List.of() : List.copyOf(checkResults);
        statusMessages = statusMessages == null ? List.of() : List.copyOf(statusMessages);
        riskFactors = riskFactors == null ? List.of() : List.copyOf(riskFactors);
        review = review == null ? JobReview.EMPTY : review;
        monitoring = monitoring == null ? JobMonitoring.NONE : monitoring;
    }

    /** A job that was never monitored (every job written before ongoing monitoring existed reads as one). */
    public Job(int schemaVersion, String id, String tenantId, String agentId, String agentVersion, String caseId,
               JobStatus status, double progress, Recommendation recommendation, JsonNode inputPayload,
               Instant queuedAt, Instant startedAt, Instant completedAt, Instant createdAt, Instant updatedAt,
               List<CheckResult> checkResults, List<StatusMessage> statusMessages, JobPlan plan, String submissionId,
               NotificationTargets notifications, long eventSequence, String originalJobId, String newJobId,
               JobReview review, RiskRating riskRating, List<RiskFactor> riskFactors) {
        this(schemaVersion, id, tenantId, agentId, agentVersion, caseId, status, progress, recommendation, inputPayload,
                queuedAt, startedAt, completedAt, createdAt, updatedAt, checkResults, statusMessages, plan, submissionId,
                notifications, eventSequence, originalJobId, newJobId, review, riskRating, riskFactors, JobMonitoring.NONE);
    }

    /** A job without review decisions yet (every job until an analyst decides something). */
    public Job(int schemaVersion, String id, String tenantId, String agentId, String agentVersion, String caseId,
               JobStatus status, double progress, Recommendation recommendation, JsonNode inputPayload,
               Instant queuedAt, Instant startedAt, Instant completedAt, Instant createdAt, Instant updatedAt,
               List<CheckResult> checkResults, List<StatusMessage> statusMessages, JobPlan plan, String submissionId,
               NotificationTargets notifications, long eventSequence, String originalJobId, String newJobId) {
        this(schemaVersion, id, tenantId, agentId, agentVersion, caseId, status, progress, recommendation, inputPayload,
                queuedAt, startedAt, completedAt, createdAt, updatedAt, checkResults, statusMessages, plan, submissionId,
                notifications, eventSequence, originalJobId, newJobId, JobReview.EMPTY, null, null, JobMonitoring.NONE);
    }

    /** The winning submission's data key: the key of this job's personal data. */
    @Override
    public String dataKeyRef() {
        return DataKeyRef.of(tenantId, id, submissionId);
    }

    public JobKey key() {
        return new JobKey(tenantId, id);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copies a job with some fields changed; the registry's fold is the only caller that changes a job. */
    public static final class Builder {
        private final Job base;
        private JobStatus status;
        private double progress;
        private Recommendation recommendation;
        private Instant startedAt;
        private Instant completedAt;
        private Instant updatedAt;
        private List<CheckResult> checkResults;
        private List<StatusMessage> statusMessages;
        private long eventSequence;
        private String newJobId;
        private JobReview review;
        private RiskRating riskRating;
        private List<RiskFactor> riskFactors;
        private JobMonitoring monitoring;

        private Builder(Job base) {
            this.base = base;
            this.status = base.status;
            this.progress = base.progress;
            this.recommendation = base.recommendation;
            this.startedAt = base.startedAt;
            this.completedAt = base.completedAt;
            this.updatedAt = base.updatedAt;
            this.checkResults = base.checkResults;
            this.statusMessages = base.statusMessages;
            this.eventSequence = base.eventSequence;
            this.newJobId = base.newJobId;
            this.review = base.review;
            this.riskRating = base.riskRating;
            this.riskFactors = base.riskFactors;
            this.monitoring = base.monitoring;
        }

        public Builder status(JobStatus value) { this.status = value; return this; }
        public Builder progress(double value) { this.progress = value; return this; }
        public Builder recommendation(Recommendation value) { this.recommendation = value; return this; }
        public Builder startedAt(Instant value) { this.startedAt = value; return this; }
        public Builder completedAt(Instant value) { this.completedAt = value; return this; }
        public Builder updatedAt(Instant value) { this.updatedAt = value; return this; }
        public Builder checkResults(List<CheckResult> value) { this.checkResults = value; return this; }
        public Builder statusMessages(List<StatusMessage> value) { this.statusMessages = value; return this; }
        public Builder eventSequence(long value) { this.eventSequence = value; return this; }
        public Builder newJobId(String value) { this.newJobId = value; return this; }
        public Builder review(JobReview value) { this.review = value; return this; }
        public Builder riskRating(RiskRating value) { this.riskRating = value; return this; }
        public Builder riskFactors(List<RiskFactor> value) { this.riskFactors = value; return this; }
        public Builder monitoring(JobMonitoring value) { this.monitoring = value; return this; }

        public Job build() {
            return new Job(base.schemaVersion, base.id, base.tenantId, base.agentId, base.agentVersion, base.caseId,
                    status, progress, recommendation, base.inputPayload, base.queuedAt, startedAt, completedAt,
                    base.createdAt, updatedAt, checkResults, statusMessages, base.plan, base.submissionId,
                    base.notifications, eventSequence, base.originalJobId, newJobId, review, riskRating, riskFactors, monitoring);
        }
    }
}
