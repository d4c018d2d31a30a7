package io.kycflow.common.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.crypto.PersonalDataProtection;
import io.kycflow.common.json.Json;
import io.kycflow.common.monitoring.JobMonitoring;
import io.kycflow.common.monitoring.MonitoringAlert;
import io.kycflow.common.review.JobReview;
import io.kycflow.common.review.ReviewDecision;

/**
 * The public Job object (the reference API's fields plus our agent version), rendered explicitly so
 * internal fields (the plan, the submission id, notification targets) never leak into the API or a webhook.
 */
public final class JobView {

    /**
     * Which optional parts to include, from getJobById's query parameters; {@code inputPayload} is false
     * only for a tenant that keeps the subject's data out of its webhooks.
     */
    public record Include(boolean checkResults, boolean checkResultIds, boolean statusMessages, boolean inputPayload) {
        public static final Include NONE = new Include(false, false, false);

        public Include(boolean checkResults, boolean checkResultIds, boolean statusMessages) {
            this(checkResults, checkResultIds, statusMessages, true);
        }

        public Include withoutInputPayload() {
            return new Include(checkResults, checkResultIds, statusMessages, false);
        }
    }

    private JobView() {
    }

    public static ObjectNode render(Job job, Include include) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", job.id());
        node.put("agent_id", job.agentId());
        node.put("agent_version_id", job.agentVersion());
        node.put("tenant_id", job.tenantId());
        node.put("case_id", job.caseId());
        node.put("job_type", "run_agent");
        node.put("status", job.status().wire());
        node.put("progress", job.progress());
        node.put("recommendation", job.recommendation() == null ? null : job.recommendation().wire());
        node.put("risk_rating", job.riskRating() == null ? null : job.riskRating().wire());
        node.set("risk_factors", Json.mapper().valueToTree(job.riskFactors()));
        if (include.inputPayload()) {
            node.set("input_payload", job.inputPayload());
        }
        node.put("queued_at", text(job.queuedAt()));
        node.put("started_at", text(job.startedAt()));
        node.put("completed_at", text(job.completedAt()));
        node.put("created_at", text(job.createdAt()));
        node.put("updated_at", text(job.updatedAt()));
        node.put("original_job_id", job.originalJobId());
        node.put("new_job_id", job.newJobId());
        if (include.checkResults()) {
            ArrayNode results = node.putArray("check_results");
            job.checkResults().forEach(r -> results.add(checkResult(r)));
        } else if (include.checkResultIds()) {
            ArrayNode ids = node.putArray("check_result_ids");
            job.checkResults().forEach(r -> ids.add(r.commandInstanceId()));
        }
        node.set("review", review(job));
        node.set("monitoring", monitoring(job));
        if (include.statusMessages()) {
            node.set("status_messages", Json.mapper().valueToTree(job.statusMessages()));
        }
        return node;
    }

    /**
     * The job's review: {@code status} ({@code pending} until a case decision, then {@code approved},
     * {@code rejected} or {@code escalated}), the latest {@code decision}, the latest verdict per hit, the
     * {@code false_positives} (by list entry id, for monitoring not to alert again) and the full {@code history}.
     */
    public static ObjectNode review(Job job) {
        JobReview review = job.review();
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("status", review.status());
        node.set("decision", review.latestDecision().map(JobView::decision).orElse(null));
        ArrayNode hits = node.putArray("hits");
        review.currentHitReviews().forEach(h -> hits.add(decision(h)));
        ArrayNode falsePositives = node.putArray("false_positives");
        review.falsePositives().forEach(h -> falsePositives.add(decision(h)));
        ArrayNode history = node.putArray("history");
        review.history().forEach(d -> history.add(decision(d)));
        return node;
    }

    /**
     * The job's ongoing monitoring: {@code active}, {@code since}, {@code ended_at} and every {@code alerts[]}
     * raised (oldest first), each naming the list version that raised it.
     */
    public static ObjectNode monitoring(Job job) {
        JobMonitoring monitoring = job.monitoring();
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("active", monitoring.active());
        node.put("since", text(monitoring.since()));
        node.put("ended_at", text(monitoring.endedAt()));
        ArrayNode alerts = node.putArray("alerts");
        monitoring.alerts().forEach(a -> alerts.add(alert(job, a)));
        return node;
    }

    /** One alert as the API and webhooks show it, with the job and case it concerns. */
    public static ObjectNode alert(Job job, MonitoringAlert alert) {
        // Revealed: this is the answer to the data's owner; stored copies stay sealed.
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("job_id", job.id());
        node.put("case_id", job.caseId());
        node.put("check_id", MonitoringAlert.CHECK_ID);
        node.put("hit_id", alert.entityId());
        node.setAll((ObjectNode) PersonalDataProtection.revealToTree(alert));
        return node;
    }

    private static ObjectNode decision(ReviewDecision decision) {
        // Revealed: this is the answer to the data's owner; stored copies stay sealed.
        ObjectNode node = (ObjectNode) PersonalDataProtection.revealToTree(decision);
        node.remove("schema_version");
        node.remove("tenant_id");
        node.remove("data_key_ref");
        return node;
    }

    public static ObjectNode checkResult(CheckResult result) {
        // Revealed: this is the answer to the data's owner; stored copies stay sealed.
        ObjectNode node = (ObjectNode) PersonalDataProtection.revealToTree(result);
        node.remove("schema_version");
        node.remove("tenant_id");
        node.remove("data_key_ref");
        return node;
    }

    private static String text(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
