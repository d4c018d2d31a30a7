package io.kycflow.ingest.registry;

import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.job.StatusMessage;
import io.kycflow.common.review.CaseDecision;
import io.kycflow.common.review.HitReview;
import io.kycflow.common.review.ReviewDecision;
import io.kycflow.common.review.ScreeningHits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How an analyst's decision changes a job: only a finished job with results ({@code complete} or
 * {@code error}) is reviewed; a hit must be one the job's check reported. The decision joins the review's
 * history with the registry's time, and the hit's list and name are taken from the job, not from the request.
 * Status messages name the check and the list entry, never the person.
 */
final class ReviewFold {

    private ReviewFold() {
    }

    /** Either the changed job and its event, or why the decision cannot apply. */
    sealed interface Result permits Applied, Refused {
    }

    record Applied(Job job, String eventType) implements Result {
    }

    /** {@code conflict}: the job's state forbids it; otherwise the request names something the job lacks. */
    record Refused(boolean conflict, String field, String reason) implements Result {
    }

    static Result apply(Job job, ReviewDecision decision, Instant now) {
        if (job.status() != JobStatus.COMPLETE && job.status() != JobStatus.ERROR) {
            return new Refused(true, "job_id", job.status() == JobStatus.DELETED ? "the job was deleted"
                    : "only a finished job (complete or error) is reviewed; this one is " + job.status().wire());
        }
        return switch (decision) {
            case HitReview hit -> reviewHit(job, hit, now);
            case CaseDecision c -> decide(job, c, now);
        };
    }

    private static Result reviewHit(Job job, HitReview hit, Instant now) {
        var found = ScreeningHits.findOnJob(job, hit.checkId(), hit.hitId());
        if (found.isEmpty()) {
            boolean knownCheck = ScreeningHits.hasCheck(job, hit.checkId());
            return knownCheck ? new Refused(false, "hit_id", "the check reported no hit with this id")
                    : new Refused(false, "check_id", "the job has no such check");
        }
        HitReview recorded = new HitReview(hit.schemaVersion(), hit.decisionId(), job.tenantId(),
                job.id(), job.caseId(), hit.checkId(), hit.hitId(), found.get().list(), found.get().matchedName(),
                hit.verdict(), hit.reason(), hit.decidedBy(), now, job.dataKeyRef());
        String note = "Hit " + (recorded.list() == null ? "" : recorded.list() + " ") + recorded.hitId() + " of "
                + hit.checkId() + " reviewed: " + recorded.verdict().wire().replace('_', ' ') + ".";
        return new Applied(changed(job, recorded, now, note), JobEvent.HIT_REVIEWED);
    }

    private static Result decide(Job job, CaseDecision decision, Instant now) {
        CaseDecision recorded = new CaseDecision(decision.schemaVersion(), decision.decisionId(), job.tenantId(), job.id(),
                decision.decision(), decision.comment(), decision.decidedBy(), now, job.dataKeyRef());
        String note = "Case " + recorded.decision().state() + " by key " + recorded.decidedBy() + ".";
        return new Applied(changed(job, recorded, now, note), JobEvent.CASE_DECIDED);
    }

    private static Job changed(Job job, ReviewDecision decision, Instant now, String note) {
        List<StatusMessage> messages = new ArrayList<>(job.statusMessages());
        messages.add(new StatusMessage(now, note));
        return job.toBuilder().review(job.review().with(decision)).statusMessages(messages)
                .eventSequence(job.eventSequence() + 1).updatedAt(now).build();
    }
}
