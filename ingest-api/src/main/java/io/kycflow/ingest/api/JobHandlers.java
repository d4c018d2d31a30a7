package io.kycflow.ingest.api;

import io.kycflow.common.job.JobView;
import io.javalin.http.Context;
import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.command.SubmitJob;
import io.kycflow.common.job.JobKey;
import io.kycflow.ingest.auth.Principal;
import io.kycflow.ingest.query.JobForwarder;
import io.kycflow.ingest.query.JobLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/** {@code startKYCAgentJob} and {@code getJobById}: thin, the decisions live in the registry. */
public final class JobHandlers {

    private static final Logger log = LoggerFactory.getLogger(JobHandlers.class);
    private static final int RETRY_AFTER_SECONDS = 1;

    private final StartJobRequestValidator validator;
    private final JobSubmitter submitter;
    private final JobLookup lookup;
    private final JobForwarder forwarder;
    private final ApiMetrics metrics;
    private final Clock clock;

    public JobHandlers(StartJobRequestValidator validator, JobSubmitter submitter, JobLookup lookup,
                       JobForwarder forwarder, ApiMetrics metrics, Clock clock) {
        this.validator = validator;
        this.submitter = submitter;
        this.lookup = lookup;
        this.forwarder = forwarder;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void start(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_WRITE);
        StartJobRequestValidator.ValidatedStart valid = validator.validate(RequestContext.jsonBody(ctx));
        SubmitJob command = new SubmitJob(SubmitJob.SCHEMA_VERSION, UUID.randomUUID().toString(), caller.tenantId(),
                valid.jobId(), clock.instant(), valid.request());
        ctx.future(() -> submitter.send(command).handle((outcome, error) -> {
            answer(ctx, command, outcome, error);
            return null;
        }));
    }

    private void answer(Context ctx, SubmitJob command, CommandOutcome outcome, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            log.warn("no outcome for a submission in time ({}); answering 503", cause.getClass().getSimpleName());
            metrics.recordSubmission("unknown");
            respond(ctx, ApiError.unavailable("The job's outcome is not known yet: retry with the same job_id, "
                    + "or read it with getJobById.", command.jobId(), RETRY_AFTER_SECONDS));
            return;
        }
        switch (outcome.outcome()) {
            case ACCEPTED -> {
                metrics.recordSubmission("accepted");
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", "ok");
                body.put("job_id", command.jobId());
                body.put("message", "The job was successfully added to the queue.");
                body.put("job", JobView.render(outcome.job(), JobView.Include.NONE));
                ctx.status(200).json(body);
            }
            case DUPLICATE -> {
                metrics.recordSubmission("duplicate");
                respond(ctx, ApiError.duplicateJob(command.jobId()));
            }
            case REJECTED -> {
                metrics.recordSubmission("rejected");
                respond(ctx, ApiError.invalidField("body", "rejected by the job registry: " + outcome.reason()));
            }
        }
    }

    public void get(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_READ);
        String jobId = ctx.queryParam("job_id");
        if (jobId == null || jobId.isEmpty()) {
            throw ApiError.invalidField("job_id", "required");
        }
        if (!JobKey.isValidJobId(jobId)) {
            throw ApiError.invalidField("job_id", "must be 1-128 characters of A-Z a-z 0-9 . _ : -");
        }
        JobView.Include include = new JobView.Include(RequestContext.flag(ctx, "include_check_results"),
                RequestContext.flag(ctx, "include_check_result_ids"), RequestContext.flag(ctx, "include_status_messages"));
        JobKey key = new JobKey(caller.tenantId(), jobId);
        switch (lookup.find(key)) {
            case JobLookup.Found found -> ctx.json(JobView.render(found.job(), include));
            case JobLookup.Missing missing -> throw ApiError.notFound("Job not found.");
            case JobLookup.Unavailable unavailable ->
                    throw ApiError.unavailable("The job store is not available right now (" + unavailable.reason()
                            + "); retry shortly.", jobId, RETRY_AFTER_SECONDS);
            case JobLookup.Elsewhere elsewhere -> forward(ctx, elsewhere, jobId);
        }
    }

    private void forward(Context ctx, JobLookup.Elsewhere elsewhere, String jobId) {
        if (ctx.header(JobForwarder.FORWARDED_HEADER) != null) {
            // The owner moved while the request was in flight: let the client retry.
            throw ApiError.unavailable("The job registry is rebalancing; retry shortly.", jobId, RETRY_AFTER_SECONDS);
        }
        String query = ctx.queryString();
        String target = ctx.path() + (query == null ? "" : "?" + query);
        JobForwarder.Answer answer = forwarder.forward(elsewhere.owner(), target, ctx.header("Authorization"))
                .orElseThrow(() -> ApiError.unavailable("The instance that owns this job did not answer; retry shortly.",
                        jobId, RETRY_AFTER_SECONDS));
        ctx.status(answer.status()).contentType("application/json").result(answer.body());
    }

    static void respond(Context ctx, ApiError error) {
        error.headers().forEach(ctx::header);
        ctx.status(error.status()).json(error.body());
    }
}
