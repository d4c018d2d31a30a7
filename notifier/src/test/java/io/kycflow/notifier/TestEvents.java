package io.kycflow.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.job.CheckError;
import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.CheckStatus;
import io.kycflow.common.job.Job;
import io.kycflow.common.review.JobReview;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.job.NotificationTargets;
import io.kycflow.common.job.Recommendation;
import io.kycflow.common.job.RiskFactor;
import io.kycflow.common.job.RiskRating;
import io.kycflow.common.json.Json;

import java.time.Instant;
import java.util.List;

/** Jobs and events as the registry would write them. */
final class TestEvents {

    static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");

    private TestEvents() {
    }

    static Job job(String tenant, String jobId, JobStatus status, String webhookUrl, String slackUrl, long sequence) {
        JsonNode input = Json.mapper().createObjectNode().put("id", "c-" + jobId).set("self_attested_data",
                Json.mapper().createObjectNode().put("first_name", "Jane").put("last_name", "Doe")
                        .put("date_of_birth", "1980-01-01"));
        boolean done = status.isTerminal();
        List<CheckResult> results = List.of(
                result(tenant, jobId, "kyc.sanctions_screening_check_v2", "Sanctions Screening", done ? CheckStatus.COMPLETE : CheckStatus.PENDING, done ? true : null, done ? "No match on any list." : null),
                result(tenant, jobId, "kyc.pep_screening_check_v2", "PEP Screening", done ? CheckStatus.COMPLETE : CheckStatus.RUNNING, done ? false : null, done ? "Possible <PEP> match & more." : null),
                result(tenant, jobId, "kyc.identity_data_validation_check", "Identity Data Validation", done ? CheckStatus.ERROR : CheckStatus.PENDING, null, done ? "The check did not finish in time." : null));
        return new Job(Job.SCHEMA_VERSION, jobId, tenant, "public-kyc", "1", "case-" + jobId, status,
                done ? 1.0 : 0.3, done ? Recommendation.REVIEW : null, input, T0, T0, done ? T0.plusSeconds(5) : null,
                T0, T0.plusSeconds(5), results, List.of(), null, "sub-" + jobId,
                new NotificationTargets(webhookUrl, slackUrl), sequence, null, null, JobReview.EMPTY,
                done ? RiskRating.MEDIUM : null, done ? List.of(new RiskFactor("A check could not answer",
                        RiskRating.MEDIUM, List.of("kyc.identity_data_validation_check"))) : List.of());
    }

    /** The same job with another {@code input_payload} (the subject's data as submitted). */
    static Job withInput(Job job, JsonNode input) {
        return new Job(job.schemaVersion(), job.id(), job.tenantId(), job.agentId(), job.agentVersion(), job.caseId(),
                job.status(), job.progress(), job.recommendation(), input, job.queuedAt(), job.startedAt(),
                job.completedAt(), job.createdAt(), job.updatedAt(), job.checkResults(), job.statusMessages(), job.plan(),
                job.submissionId(), job.notifications(), job.eventSequence(), job.originalJobId(), job.newJobId(),
                job.review(), job.riskRating(), job.riskFactors());
    }

    /** The same job with other notification targets. */
    static Job withNotifications(Job job, NotificationTargets notifications) {
        return new Job(job.schemaVersion(), job.id(), job.tenantId(), job.agentId(), job.agentVersion(), job.caseId(),
                job.status(), job.progress(), job.recommendation(), job.inputPayload(), job.queuedAt(), job.startedAt(),
                job.completedAt(), job.createdAt(), job.updatedAt(), job.checkResults(), job.statusMessages(), job.plan(),
                job.submissionId(), notifications, job.eventSequence(), job.originalJobId(), job.newJobId(),
                job.review(), job.riskRating(), job.riskFactors());
    }

    static JobEvent terminal(Job job) {
        return JobEvent.of(JobEvent.terminalType(job.status()), job, job.updatedAt());
    }

    private static CheckResult result(String tenant, String jobId, String id, String name, CheckStatus status,
                                      Boolean passed, String answer) {
        return new CheckResult(CheckResult.SCHEMA_VERSION, tenant, jobId, "public-kyc", id, jobId + ":" + id, name, 1,
                status, passed, answer, null, null, List.of(), null, null,
                status == CheckStatus.ERROR ? new CheckError("timed_out", "no result") : null, null);
    }
}
