package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.job.JobView;
import io.kycflow.common.review.CaseDecision;
import io.kycflow.common.review.CaseOutcome;
import io.kycflow.common.review.HitReview;
import io.kycflow.common.review.HitVerdict;
import io.kycflow.common.review.ReviewDecision;
import io.kycflow.common.review.ScreeningHits;
import io.kycflow.ingest.auth.Principal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * {@code reviewHit} and {@code decideCase}: an analyst's decision about a finished job, appended to
 * {@code kyc.review-decisions} and folded by the registry into the job's {@code review} section (the console's
 * forms call the same operations). The owner of the job answers: another instance forwards the request there,
 * because the decision is sealed with the job's data key, which only the job names.
 */
public final class ReviewHandlers {

    static final int MAX_TEXT = 1000;
    private static final int RETRY_AFTER_SECONDS = 1;

    private final JobReads reads;
    private final DecisionSender sender;
    private final Clock clock;

    public ReviewHandlers(JobReads reads, DecisionSender sender, Clock clock) {
        this.reads = reads;
        this.sender = sender;
        this.clock = clock;
    }

    /** {@code POST /api/v1/reviewHit {job_id, check_id, hit_id, verdict: true_match|false_positive, reason}}. */
    public void reviewHit(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_WRITE);
        JsonNode body = objectBody(ctx);
        String jobId = RequestContext.jobId(optionalText(body, "job_id", 128));
        String checkId = requiredText(body, "check_id", 128);
        String hitId = requiredText(body, "hit_id", 256);
        HitVerdict verdict = choice(body, "verdict", "true_match or false_positive", HitVerdict::fromWire);
        String reason = requiredText(body, "reason", MAX_TEXT);
        withJob(ctx, new JobKey(caller.tenantId(), jobId), job -> {
            var hit = ScreeningHits.findOnJob(job, checkId, hitId);
            if (hit.isEmpty()) {
                boolean knownCheck = ScreeningHits.hasCheck(job, checkId);
                throw knownCheck ? ApiError.invalidField("hit_id", "the check reported no hit with this id")
                        : ApiError.invalidField("check_id", "the job has no such check");
            }
            return new HitReview(ReviewDecision.SCHEMA_VERSION, UUID.randomUUID().toString(), job.tenantId(), job.id(),
                    job.caseId(), checkId, hitId, hit.get().list(), hit.get().matchedName(), verdict, reason,
                    caller.keyId(), clock.instant(), job.dataKeyRef());
        }, "The hit was reviewed.");
    }

    /** {@code POST /api/v1/decideCase {job_id, decision: approve|reject|escalate, comment}}. */
    public void decideCase(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_WRITE);
        JsonNode body = objectBody(ctx);
        String jobId = RequestContext.jobId(optionalText(body, "job_id", 128));
        CaseOutcome decision = choice(body, "decision", "approve, reject or escalate", CaseOutcome::fromWire);
        String comment = requiredText(body, "comment", MAX_TEXT);
        withJob(ctx, new JobKey(caller.tenantId(), jobId), job -> new CaseDecision(ReviewDecision.SCHEMA_VERSION,
                UUID.randomUUID().toString(), job.tenantId(), job.id(), decision, comment, caller.keyId(),
                clock.instant(), job.dataKeyRef()), "The case was " + decision.state() + ".");
    }

    private interface DecisionFactory {
        ReviewDecision make(Job job);
    }

    private void withJob(Context ctx, JobKey key, DecisionFactory factory, String done) {
        reads.answer(ctx, key.jobId(), "The job store", deadline -> reads.lookup().find(key, deadline), job -> {
            if (job.status() != JobStatus.COMPLETE && job.status() != JobStatus.ERROR) {
                throw ApiError.conflict("Not possible: only a finished job (complete or error) is reviewed; this one is "
                        + job.status().wire() + ".", key.jobId());
            }
            ReviewDecision decision = factory.make(job);
            ctx.future(() -> sender.send(decision).handle((outcome, error) -> {
                answer(ctx, key.jobId(), outcome, error, done);
                return null;
            }));
        }, () -> {
            throw ApiError.notFound("Job not found.");
        });
    }

    private static void answer(Context ctx, String jobId, CommandOutcome outcome, Throwable error, String done) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            JobHandlers.respond(ctx, ApiError.unavailable("The decision's outcome is not known yet ("
                    + cause.getClass().getSimpleName() + "); read the job's review with getJobById before repeating.",
                    jobId, RETRY_AFTER_SECONDS));
            return;
        }
        switch (outcome.outcome()) {
            case ACCEPTED -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", "ok");
                body.put("job_id", jobId);
                body.put("message", done);
                body.put("review", JobView.review(outcome.job()));
                ctx.status(200).json(body);
            }
            case NOT_FOUND -> JobHandlers.respond(ctx, ApiError.notFound("Job not found."));
            case CONFLICT, DUPLICATE -> JobHandlers.respond(ctx, ApiError.conflict("Not possible: " + outcome.reason() + ".", jobId));
            case REJECTED -> {
                String reason = outcome.reason() == null ? "rejected" : outcome.reason();
                int colon = reason.indexOf(": ");
                boolean named = colon > 0 && reason.substring(0, colon).matches("[a-z_]+");
                JobHandlers.respond(ctx, ApiError.invalidField(named ? reason.substring(0, colon) : "body",
                        named ? reason.substring(colon + 2) : "rejected by the job registry: " + reason));
            }
        }
    }

    private static JsonNode objectBody(Context ctx) {
        JsonNode body = RequestContext.jsonBody(ctx);
        if (!body.isObject()) {
            throw ApiError.invalidField("body", "must be a JSON object");
        }
        return body;
    }

    private static String optionalText(JsonNode body, String field, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.invalidField(field, "must be a string");
        }
        if (value.asText().length() > max) {
            throw ApiError.invalidField(field, "longer than " + max + " characters");
        }
        return value.asText();
    }

    private static String requiredText(JsonNode body, String field, int max) {
        String value = optionalText(body, field, max);
        if (value == null || value.isBlank()) {
            throw ApiError.invalidField(field, "required");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw ApiError.invalidField(field, "must not contain control characters");
        }
        return value.strip();
    }

    private static <T> T choice(JsonNode body, String field, String allowed, java.util.function.Function<String, T> parse) {
        String value = optionalText(body, field, 32);
        if (value == null) {
            throw ApiError.invalidField(field, "required: " + allowed);
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidField(field, "must be " + allowed);
        }
    }
}
