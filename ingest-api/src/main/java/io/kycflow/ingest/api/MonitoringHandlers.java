package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.command.SetMonitoring;
import io.kycflow.common.json.Json;
import io.kycflow.ingest.auth.Principal;
import io.kycflow.ingest.query.JobFilter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Ongoing monitoring (docs/monitoring.md):
 * <ul>
 *   <li>{@code POST /api/v1/monitoring/subscribe|unsubscribe {job_id} or {case_id}}: a registry command, answered
 *       like {@code cancelJob} (200 with the job, 404 for a job or case the caller's tenant does not have, 409 for
 *       a deleted job). A case stands for its newest job, whose subject data onboarding screened;</li>
 *   <li>{@code GET /api/v1/monitoring/subjects}: the caller's monitored jobs, newest first, paginated like
 *       {@code /jobs} ({@code limit}, {@code cursor}, {@code next_cursor});</li>
 *   <li>{@code GET /api/v1/monitoring/alerts?case_id=}: every alert raised on the case's jobs, newest first.</li>
 * </ul>
 */
public final class MonitoringHandlers {

    private static final Comparator<JsonNode> NEWEST_ALERT_FIRST = Comparator
            .comparing((JsonNode alert) -> alert.path("raised_at").asText())
            .thenComparing(alert -> alert.path("alert_id").asText()).reversed();

    private final LifecycleHandlers lifecycle;
    private final ListingHandlers listings;
    private final Clock clock;

    public MonitoringHandlers(LifecycleHandlers lifecycle, ListingHandlers listings, Clock clock) {
        this.lifecycle = lifecycle;
        this.listings = listings;
        this.clock = clock;
    }

    public void subscribe(Context ctx) {
        set(ctx, true, "The job's subject is monitored: list changes that match it raise monitoring.alert events.");
    }

    public void unsubscribe(Context ctx) {
        set(ctx, false, "The job's subject is no longer monitored.");
    }

    private void set(Context ctx, boolean active, String done) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_WRITE);
        String jobId = target(ctx, caller);
        JobCommand command = new SetMonitoring(JobCommand.SCHEMA_VERSION, UUID.randomUUID().toString(), caller.tenantId(),
                jobId, clock.instant(), active);
        lifecycle.send(ctx, command, jobId, done);
    }

    /** The job a subscription names: {@code job_id}, else the newest job of {@code case_id}. */
    private String target(Context ctx, Principal caller) {
        JsonNode body = RequestContext.jsonBody(ctx);
        if (!body.isObject()) {
            throw ApiError.invalidField("body", "must be a JSON object with job_id or case_id");
        }
        JsonNode jobId = body.get("job_id");
        JsonNode caseId = body.get("case_id");
        boolean hasJob = jobId != null && !jobId.isNull();
        boolean hasCase = caseId != null && !caseId.isNull();
        if (hasJob == hasCase) {
            throw ApiError.invalidField(hasJob ? "case_id" : "job_id",
                    hasJob ? "give job_id or case_id, not both" : "required (or case_id)");
        }
        if (hasJob) {
            if (!jobId.isTextual()) {
                throw ApiError.invalidField("job_id", "must be a string");
            }
            return RequestContext.jobId(jobId.asText());
        }
        if (!caseId.isTextual() || caseId.asText().isEmpty() || caseId.asText().length() > 256) {
            throw ApiError.invalidField("case_id", "must be a string of 1-256 characters");
        }
        List<JsonNode> jobs = listings.caseJobs(ctx, caller, caseId.asText(), caseTarget(caseId.asText()));
        return jobs.stream().filter(j -> !"deleted".equals(j.path("status").asText())).findFirst()
                .map(j -> j.path("id").asText())
                .orElseThrow(() -> ApiError.notFound("No job of this case to monitor."));
    }

    public void subjects(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_READ);
        JobFilter filter = new JobFilter(caller.tenantId(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(true));
        String query = ctx.queryString();
        ListingHandlers.Page page = listings.page(ctx, filter,
                IngestApi.PREFIX + "/jobs?monitored=true" + (query == null ? "" : "&" + query));
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode subjects = body.putArray("subjects");
        for (JsonNode job : page.jobs()) {
            ObjectNode subject = subjects.addObject();
            subject.put("job_id", job.path("id").asText());
            subject.set("case_id", job.path("case_id"));
            subject.set("agent_id", job.path("agent_id"));
            subject.set("status", job.path("status"));
            subject.set("recommendation", job.path("recommendation"));
            JsonNode monitoring = job.path("monitoring");
            subject.set("since", monitoring.path("since"));
            subject.put("alert_count", monitoring.path("alerts").size());
            JsonNode alerts = monitoring.path("alerts");
            subject.set("last_alert_at", alerts.isEmpty() ? null : alerts.get(alerts.size() - 1).path("raised_at"));
        }
        body.put("count", subjects.size());
        body.put("next_cursor", page.nextCursor());
        ctx.json(body);
    }

    public void alerts(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_READ);
        String caseId = ctx.queryParam("case_id");
        if (caseId == null || caseId.isEmpty()) {
            throw ApiError.invalidField("case_id", "required");
        }
        if (caseId.length() > 256) {
            throw ApiError.invalidField("case_id", "longer than 256 characters");
        }
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode job : listings.caseJobs(ctx, caller, caseId, caseTarget(caseId))) {
            job.path("monitoring").path("alerts").forEach(alerts::add);
        }
        alerts.sort(NEWEST_ALERT_FIRST);
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("case_id", caseId);
        body.set("alerts", Json.mapper().valueToTree(alerts));
        body.put("count", alerts.size());
        ctx.json(body);
    }

    /** What another instance is asked for a case's jobs: answered locally there, monitoring included. */
    private static String caseTarget(String caseId) {
        return IngestApi.PREFIX + "/getJobsByCaseId?case_id=" + URLEncoder.encode(caseId, StandardCharsets.UTF_8);
    }
}
