package io.kycflow.common.review;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.kycflow.common.crypto.HasDataKey;
import io.kycflow.common.job.JobKey;

import java.time.Instant;

/**
 * An analyst's decision about a finished job, on the append-only {@code kyc.review-decisions} topic keyed
 * {@code tenant/job_id}: who ({@code decided_by}, the API key id), when, what and why. The job registry
 * folds accepted decisions into the job's {@code review} section; the topic keeps every one, accepted or not.
 * {@code decision_id} correlates the registry's answer on {@code kyc.job-command-outcomes}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = HitReview.class, name = "hit_review"),
        @JsonSubTypes.Type(value = CaseDecision.class, name = "case_decision")})
public sealed interface ReviewDecision extends HasDataKey permits HitReview, CaseDecision {

    int SCHEMA_VERSION = 1;

    String decisionId();

    String tenantId();

    String jobId();

    String decidedBy();

    Instant decidedAt();

    default JobKey key() {
        return new JobKey(tenantId(), jobId());
    }

    /** The same decision without its free text (and, for a hit, the listed name): what a deleted job keeps. */
    ReviewDecision withoutPersonalData();
}
