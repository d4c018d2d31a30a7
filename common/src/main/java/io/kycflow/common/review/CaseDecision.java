package io.kycflow.common.review;

import io.kycflow.common.crypto.Personal;

import java.time.Instant;

/**
 * The decision on a whole job: approve, reject or escalate, with a comment. The latest one is the job's review
 * status; every earlier one stays in the review's history. The comment is free text and may name the subject:
 * sealed like the job's other personal fields.
 */
public record CaseDecision(int schemaVersion, String decisionId, String tenantId, String jobId, CaseOutcome decision,
                           @Personal String comment, String decidedBy, Instant decidedAt, String dataKeyRef)
        implements ReviewDecision {

    @Override
    public CaseDecision withoutPersonalData() {
        return new CaseDecision(schemaVersion, decisionId, tenantId, jobId, decision, null, decidedBy, decidedAt, null);
    }
}
