package io.kycflow.ingest.api;

import io.javalin.http.Context;
import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.command.SubmitJob;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.job.JobView;
import io.kycflow.common.tenant.TenantDirectory;
import io.kycflow.ingest.auth.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/** {@code startKYCAgentJob} and {@code getJobById}: thin, the decisions live in the registry. */
public final class JobHandlers {

    private static final Logger log = LoggerFactory.getLogger(JobHandlers.class);
    private static final int RETRY_AFTER_SECONDS = 1;

    private final StartJobRequestValidator validator;
    private final TenantDirectory tenants;
    private final JobSubmitter submitter;
    private final JobReads reads;
    private final ApiMetrics metrics;
    private final Clock clock;

    public JobHandlers(StartJobRequestValidator validator, TenantDirectory tenants, JobSubmitter submitter,
                       JobReads reads, ApiMetrics metrics, Clock clock) {
        this.tenants = tenants;
        this.validator = validator;
        this.submitter = submitter;
        this.reads = reads;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void start(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_WRITE);
        StartJobRequestValidator.ValidatedStart valid = validator.validate(RequestContext.jsonBody(ctx));
        AgentAccess.require(tenants, caller, valid.request().plan().agentKey());
        SubmitJob command = new SubmitJob(SubmitJob.SCHEMA_VERSION, UUID.randomUUID().toString(), caller.tenantId(),
                valid.jobId(), clock.instant(), valid.request(), null);
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
        String jobId = jobIdParam(ctx);
        JobView.Include include = new JobView.Include(RequestContext.flag(ctx, "include_check_results"),
                RequestContext.flag(ctx, "include_check_result_ids"), RequestContext.flag(ctx, "include_status_messages"));
        answerWithJob(ctx, new JobKey(caller.tenantId(), jobId), job -> JobView.render(job, include));
    }

    /** {@code getCheckResults}: every check result of one job, with its evidence. */
    public void checkResults(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_READ);
        String jobId = jobIdParam(ctx);
        answerWithJob(ctx, new JobKey(caller.tenantId(), jobId), job -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("job_id", job.id());
            body.put("check_results", job.checkResults().stream().map(JobView::checkResult).toList());
            body.put("count", job.checkResults().size());
            return body;
        });
    }

    static String jobIdParam(Context ctx) {
        return RequestContext.jobId(ctx.queryParam("job_id"));
    }

    /** Answers with {@code view} of the job here, or what its owner answers, or 404 / 503. */
    private void answerWithJob(Context ctx, JobKey key, Function<Job, Object> view) {
        reads.answer(ctx, key.jobId(), "The job store", deadline -> reads.lookup().find(key, deadline),
                job -> ctx.json(view.apply(job)), () -> {
                    throw ApiError.notFound("Job not found.");
                });
    }

    static void respond(Context ctx, ApiError error) {
        error.headers().forEach(ctx::header);
        ctx.status(error.status()).json(error.body());
    }
}
