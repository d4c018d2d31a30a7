package io.kycflow.ingest.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.monitoring.MonitoringAlert;
import io.kycflow.common.review.HitReview;
import io.kycflow.common.review.ScreeningHits;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry's decisions about a job's ongoing monitoring: starting and ending it, and whether a proposed
 * alert stands. The alert rules, applied in this order:
 * <ol>
 *   <li>only a monitored job (not deleted, monitoring active) gets alerts;</li>
 *   <li>exactly once: an alert id the job has already (same entry, same content) raises nothing;</li>
 *   <li>a hit the job's analysts dismissed ({@code review.false_positives[]}, by list entry id) is raised again only
 *       when the entry itself changed ({@code modified}): an entry merely seen again (a re-screen) stays dismissed;</li>
 *   <li>otherwise only a <em>new or stronger</em> hit: an entry that onboarding or an earlier alert already showed
 *       for this job at the same or a higher rating raises nothing, unless it changed since and was dismissed.</li>
 * </ol>
 */
final class MonitoringFold {

    private MonitoringFold() {
    }

    /** Monitoring started ({@code active}) or ended; the job unchanged when it already was so. */
    static Job set(Job job, boolean active, Instant now) {
        if (job.monitoring().active() == active) {
            return job;
        }
        return job.toBuilder()
                .monitoring(active ? job.monitoring().start(now) : job.monitoring().stop(now))
                .eventSequence(job.eventSequence() + 1)
                .updatedAt(now)
                .build();
    }

    /** Whether the job can be monitored: a deleted job has no subject left to screen. */
    static Optional<String> cannotMonitor(Job job) {
        return job.status() == JobStatus.DELETED ? Optional.of("the job was deleted") : Optional.empty();
    }

    /** The job with the alert added, or empty when the alert does not stand (see the class comment). */
    static Optional<JobFold.Change> alert(Job job, MonitoringAlert alert, Instant now) {
        if (job.status() == JobStatus.DELETED || !job.monitoring().active() || alert == null || alert.alertId() == null
                || job.monitoring().hasAlert(alert.alertId())) {
            return Optional.empty();
        }
        boolean changed = MonitoringAlert.MODIFIED.equals(alert.change());
        if (dismissed(job, alert.entityId()) && !changed) {
            return Optional.empty();
        }
        int known = strongestShown(job, alert.listId(), alert.entityId());
        if (known >= strength(alert.rating()) && !(changed && dismissed(job, alert.entityId()))) {
            return Optional.empty();
        }
        Job alerted = job.toBuilder()
                .monitoring(job.monitoring().withAlert(alert))
                .eventSequence(job.eventSequence() + 1)
                .updatedAt(now)
                .build();
        return Optional.of(new JobFold.Change(alerted, JobEvent.MONITORING_ALERT));
    }

    /** Whether the latest verdict on this list entry, on any of the job's checks or alerts, is a false positive. */
    static boolean dismissed(Job job, String entityId) {
        return job.review().falsePositives().stream().map(HitReview::hitId).anyMatch(entityId::equals);
    }

    /** The strongest rating at which the job already shows this entry: its checks' hits and its earlier alerts. */
    private static int strongestShown(Job job, String listId, String entityId) {
        int strongest = 0;
        for (CheckResult result : job.checkResults()) {
            for (ScreeningHits.ScreeningHit hit : ScreeningHits.of(result)) {
                if (hit.hitId().equals(entityId) && (hit.list() == null || hit.list().equals(listId))) {
                    strongest = Math.max(strongest, strength(ratingOf(hit.fields())));
                }
            }
        }
        for (MonitoringAlert earlier : job.monitoring().alerts()) {
            if (earlier.entityId().equals(entityId) && earlier.listId().equals(listId)) {
                strongest = Math.max(strongest, strength(earlier.rating()));
            }
        }
        return strongest;
    }

    /** A check's hit rates itself as {@code profile_review.match_rating.match} (sanctions) or {@code rating}. */
    private static String ratingOf(JsonNode hit) {
        JsonNode nested = hit.path("profile_review").path("match_rating").path("match");
        if (nested.isTextual()) {
            return nested.asText();
        }
        JsonNode flat = hit.path("rating");
        // A hit without a rating was still shown to the analyst: count it as a partial match.
        return flat.isTextual() ? flat.asText() : "PARTIAL_MATCH";
    }

    static int strength(String rating) {
        if (rating == null) {
            return 0;
        }
        return switch (rating.toUpperCase(Locale.ROOT)) {
            case "STRONG_MATCH" -> 3;
            case "PARTIAL_MATCH" -> 2;
            case "WEAK_MATCH" -> 1;
            default -> 0;
        };
    }
}
