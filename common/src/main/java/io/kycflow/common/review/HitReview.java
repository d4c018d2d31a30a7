package io.kycflow.common.review;

import io.kycflow.common.crypto.Personal;

import java.time.Instant;

/**
 * One screening hit judged: {@code true_match} or {@code false_positive}, with the reason. A hit is named by
 * its check and its list entry id ({@code hit_id}, the entry's {@code entity_id}); the list and the matched
 * name are copied from the check's payload when the decision is made, so the record stands on its own (a
 * later monitoring run uses the false positives to avoid alerting on the same entry for the same subject).
 * The reason and the matched name may repeat the subject's data: sealed like the job's other personal fields.
 */
public record HitReview(int schemaVersion, String decisionId, String tenantId, String jobId, String caseId,
                        String checkId, String hitId, String list, @Personal String matchedName,
                        HitVerdict verdict, @Personal String reason, String decidedBy, Instant decidedAt,
                        String dataKeyRef) implements ReviewDecision {

    @Override
    public HitReview withoutPersonalData() {
        return new HitReview(schemaVersion, decisionId, tenantId, jobId, caseId, checkId, hitId, list, null, verdict,
                null, decidedBy, decidedAt, null);
    }

    /** Whether this and {@code other} judge the same hit. */
    public boolean sameHit(String otherCheckId, String otherHitId) {
        return checkId.equals(otherCheckId) && hitId.equals(otherHitId);
    }
}
