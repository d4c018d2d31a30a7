package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.json.Json;
import io.kycflow.common.notification.NotificationRequest;
import io.kycflow.common.notification.WebhookDeliveries;
import io.kycflow.ingest.auth.Principal;
import io.kycflow.ingest.query.JobLookup;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The webhook operations: {@code getWebhookDeliveries} (every attempt, from the registry's delivery store),
 * {@code triggerWebhook} (re-send a finished job's event) and {@code testWebhook} (a signed test event).
 * The last two only queue a request for the notifier, which owns delivery, and answer 202 with its id.
 */
public final class WebhookHandlers {

    private static final int RETRY_AFTER_SECONDS = 1;

    private final StartJobRequestValidator validator;
    private final JobReads reads;
    private final NotificationRequestSender requests;
    private final Clock clock;

    public WebhookHandlers(StartJobRequestValidator validator, JobReads reads, NotificationRequestSender requests,
                           Clock clock) {
        this.validator = validator;
        this.reads = reads;
        this.requests = requests;
        this.clock = clock;
    }

    public void deliveries(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_READ);
        String jobId = RequestContext.jobId(ctx.queryParam("job_id"));
        JobKey key = new JobKey(caller.tenantId(), jobId);
        JobLookup lookup = reads.lookup();
        reads.answer(ctx, jobId, "Webhook deliveries", deadline -> lookup.deliveries(key, deadline),
                found -> ctx.json(render(jobId, found)), () -> {
                    // No attempt yet: an existing job simply has none so far; anything else is unknown.
                    if (!(lookup.find(key, reads.deadline(ctx)) instanceof JobLookup.Found<Job>)) {
                        throw ApiError.notFound("Job not found.");
                    }
                    ctx.json(render(jobId, WebhookDeliveries.empty(key.toString())));
                });
    }

    public void trigger(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_WRITE);
        JsonNode body = objectBody(ctx);
        String jobId = RequestContext.jobId(body.path("job_id").isTextual() ? body.get("job_id").asText() : null);
        String url = validator.outboundUrl(body, "webhook_url");
        JobKey key = new JobKey(caller.tenantId(), jobId);
        reads.answer(ctx, jobId, "Webhook deliveries", deadline -> reads.lookup().find(key, deadline), job -> {
            if (job.status() == null || !job.status().isTerminal()) {
                throw ApiError.invalidField("job_id", "the job has not finished yet; its webhook is sent when it does");
            }
            if (url == null && (job.notifications() == null || job.notifications().webhookUrl() == null)) {
                throw ApiError.invalidField("webhook_url", "required: the job was started without a webhook_url");
            }
            JobEvent event = JobEvent.of(JobEvent.terminalType(job.status()), job, clock.instant());
            queue(ctx, new NotificationRequest(NotificationRequest.SCHEMA_VERSION, NotificationRequest.Kind.TRIGGER,
                    UUID.randomUUID().toString(), caller.tenantId(), jobId, url, event, clock.instant()));
        }, () -> {
            throw ApiError.notFound("Job not found.");
        });
    }

    public void test(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_WRITE);
        String url = validator.outboundUrl(objectBody(ctx), "webhook_url");
        if (url == null) {
            throw ApiError.invalidField("webhook_url", "required");
        }
        String id = UUID.randomUUID().toString();
        queue(ctx, new NotificationRequest(NotificationRequest.SCHEMA_VERSION, NotificationRequest.Kind.TEST, id,
                caller.tenantId(), NotificationRequest.TEST_JOB_PREFIX + id, url, null, clock.instant()));
    }

    private void queue(Context ctx, NotificationRequest request) {
        ctx.future(() -> requests.send(request).handle((ok, error) -> {
            if (error != null) {
                JobHandlers.respond(ctx, unavailable("the request could not be queued", request.jobId()));
                return null;
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("status", "ok");
            answer.put("job_id", request.jobId());
            answer.put("delivery_id", request.requestId());
            answer.put("message", "The webhook was queued for delivery; follow it with getWebhookDeliveries?job_id="
                    + request.jobId() + ".");
            ctx.status(202).json(answer);
            return null;
        }));
    }

    private static JsonNode objectBody(Context ctx) {
        JsonNode body = RequestContext.jsonBody(ctx);
        if (!body.isObject()) {
            throw ApiError.invalidField("body", "expected a JSON object");
        }
        return body;
    }

    private static ApiError unavailable(String reason, String jobId) {
        return ApiError.unavailable("Webhook deliveries are not available right now (" + reason + "); retry shortly.",
                jobId, RETRY_AFTER_SECONDS);
    }

    /** The public shape: attempts carry {@code status_code} or {@code error}, never both, and never a URL path. */
    static ObjectNode render(String jobId, WebhookDeliveries log) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("job_id", jobId);
        ArrayNode deliveries = out.putArray("deliveries");
        for (WebhookDeliveries.Delivery d : log.deliveries()) {
            ObjectNode node = deliveries.addObject();
            node.put("delivery_id", d.deliveryId());
            node.put("event_id", d.eventId());
            node.put("event_type", d.eventType());
            node.put("target", d.target());
            node.put("host", d.host());
            node.put("state", d.state().wire());
            ArrayNode attempts = node.putArray("attempts");
            for (WebhookDeliveries.Attempt a : d.attempts()) {
                ObjectNode attempt = attempts.addObject();
                attempt.put("attempt", a.attempt());
                attempt.put("at", a.at().toString());
                if (a.statusCode() != null) {
                    attempt.put("status_code", a.statusCode());
                } else {
                    attempt.put("error", a.error());
                }
                attempt.put("duration_ms", a.durationMs());
            }
            if (d.nextAttemptAt() != null) {
                node.put("next_attempt_at", d.nextAttemptAt().toString());
            } else {
                node.putNull("next_attempt_at");
            }
        }
        return out;
    }
}
