package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.kycflow.common.command.CancelJob;
import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.command.DeleteJob;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.command.RetryJob;
import io.kycflow.common.job.JobView;
import io.kycflow.ingest.auth.Principal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * {@code cancelJob}, {@code retryJob} and {@code deleteJob}: each is a registry command (DESIGN.md §2), answered from its
 * outcome like a submission. 404 for a job the caller's tenant does not have, 409 when the job's state
 * forbids it (cancel a finished job, retry an unfinished one), 503 with {@code Retry-After} when the
 * outcome is late (the command may still take effect: repeat it, or read the job).
 */
public final class LifecycleHandlers {

    private static final int RETRY_AFTER_SECONDS = 1;

    private final JobSubmitter submitter;
    private final Clock clock;

    public LifecycleHandlers(JobSubmitter submitter, Clock clock) {
        this.submitter = submitter;
        this.clock = clock;
    }

    public void cancel(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_WRITE);
        String jobId = jobId(ctx);
        CancelJob command = new CancelJob(JobCommand.SCHEMA_VERSION, UUID.randomUUID().toString(), caller.tenantId(),
                jobId, clock.instant());
        send(ctx, command, jobId, "The job was cancelled.");
    }

    public void retry(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_WRITE);
        String jobId = jobId(ctx);
        RetryJob command = new RetryJob(JobCommand.SCHEMA_VERSION, UUID.randomUUID().toString(), caller.tenantId(),
                jobId, clock.instant(), UUID.randomUUID().toString());
        send(ctx, command, jobId, "The job was retried as a new job.");
    }

    /**
     * Erases the job's personal data by destroying its data key; the job stays as a PII-free audit record
     * (status {@code deleted}) and its job_id stays taken. Deleting a deleted job answers 200 again.
     */
    public void delete(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_WRITE);
        String jobId = jobId(ctx);
        DeleteJob command = new DeleteJob(JobCommand.SCHEMA_VERSION, UUID.randomUUID().toString(), caller.tenantId(),
                jobId, clock.instant());
        send(ctx, command, jobId, "The job's personal data was deleted.");
    }

    /** Sends a command and answers the request from its outcome (also for {@link MonitoringHandlers}). */
    void send(Context ctx, JobCommand command, String jobId, String done) {
        ctx.future(() -> submitter.send(command).handle((outcome, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                JobHandlers.respond(ctx, ApiError.unavailable("The outcome is not known yet (" + cause.getClass().getSimpleName()
                        + "); read the job with getJobById before repeating.", jobId, RETRY_AFTER_SECONDS));
                return null;
            }
            answer(ctx, outcome, jobId, done);
            return null;
        }));
    }

    private static void answer(Context ctx, CommandOutcome outcome, String jobId, String done) {
        switch (outcome.outcome()) {
            case ACCEPTED -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", "ok");
                body.put("job_id", outcome.jobId());
                body.put("message", done);
                body.put("job", JobView.render(outcome.job(), JobView.Include.NONE));
                ctx.status(200).json(body);
            }
            case NOT_FOUND -> JobHandlers.respond(ctx, ApiError.notFound("Job not found."));
            case CONFLICT, DUPLICATE -> JobHandlers.respond(ctx, ApiError.conflict(
                    outcome.reason() == null ? "The job's state does not allow this." : "Not possible: " + outcome.reason() + ".",
                    jobId));
            case REJECTED -> JobHandlers.respond(ctx, ApiError.invalidField("job_id",
                    "rejected by the job registry: " + outcome.reason()));
        }
    }

    private static String jobId(Context ctx) {
        JsonNode body = RequestContext.jsonBody(ctx);
        JsonNode value = body.isObject() ? body.get("job_id") : null;
        if (value == null || value.isNull()) {
            throw ApiError.invalidField("job_id", "required");
        }
        if (!value.isTextual()) {
            throw ApiError.invalidField("job_id", "must be a string");
        }
        return RequestContext.jobId(value.asText());
    }
}
