package io.kycflow.common.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job's review: every accepted decision, oldest first (the audit trail). The current state is derived
 * from it: the latest verdict per hit, the latest case decision, and the false positives (per subject, by
 * list entry id) that a monitoring run must not raise again.
 */
public record JobReview(List<ReviewDecision> history) {

    public static final JobReview EMPTY = new JobReview(List.of());

    public JobReview {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public JobReview with(ReviewDecision decision) {
        List<ReviewDecision> next = new ArrayList<>(history);
        next.add(decision);
        return new JobReview(next);
    }

    /** {@code pending} until a case decision; then the latest one's state ({@code approved}, {@code rejected}, {@code escalated}). */
    public String status() {
        return latestDecision().map(d -> d.decision().state()).orElse("pending");
    }

    public Optional<CaseDecision> latestDecision() {
        CaseDecision latest = null;
        for (ReviewDecision d : history) {
            if (d instanceof CaseDecision c) {
                latest = c;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The latest verdict on each hit reviewed, in the order the hits were first reviewed. */
    public List<HitReview> currentHitReviews() {
        Map<String, HitReview> latest = new LinkedHashMap<>();
        for (ReviewDecision d : history) {
            if (d instanceof HitReview h) {
                latest.put(h.checkId() + "\u0000" + h.hitId(), h);
            }
        }
        return List.copyOf(latest.values());
    }

    public Optional<HitReview> currentReviewOf(String checkId, String hitId) {
        return currentHitReviews().stream().filter(h -> h.sameHit(checkId, hitId)).findFirst();
    }

    /** The hits whose latest verdict is {@code false_positive}. */
    public List<HitReview> falsePositives() {
        return currentHitReviews().stream().filter(h -> h.verdict() == HitVerdict.FALSE_POSITIVE).toList();
    }

    public JobReview withoutPersonalData() {
        return new JobReview(history.stream().map(ReviewDecision::withoutPersonalData).toList());
    }
}
