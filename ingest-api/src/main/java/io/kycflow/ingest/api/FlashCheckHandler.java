package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.command.SubmitJob;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.job.JobView;
import io.kycflow.common.json.Json;
import io.kycflow.common.tenant.TenantDirectory;
import io.kycflow.ingest.auth.Principal;
import io.kycflow.ingest.query.JobForwarder;
import io.kycflow.ingest.query.JobLookup;
import io.kycflow.ingest.query.ReadDeadline;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * {@code runFlashCheck}: one document check answered inline, as the reference API's realtime document
 * verification is. It is an ordinary job: submitted like {@code startKYCAgentJob} (the same validation,
 * registry, 409 on a repeated {@code job_id}, data key, webhook), run by the same workers, and then awaited
 * through the registry's read path (this instance's store, or the owner's {@code getJobById}) until it is
 * terminal or {@link #WAIT} has passed. So a flash check is retried, timed out, deleted and audited like any
 * job, and the API process never reads a document itself (no OCR or PDF parsing beside the request threads).
 *
 * <p>Terminal in time: 200 with the Job and its {@code check_results}. Not yet: 202 with the job as it is and
 * its {@code job_id} (read it later with {@code getJobById}); the check goes on.
 */
public final class FlashCheckHandler {

    /** Under Jetty's 30 s idle timeout, and long enough for a few OCR'd pages. */
    static final Duration WAIT = Duration.ofSeconds(25);
    private static final Duration POLL = Duration.ofMillis(100);

    private final StartJobRequestValidator validator;
    private final TenantDirectory tenants;
    private final JobSubmitter submitter;
    private final JobLookup lookup;
    private final JobForwarder forwarder;
    private final Clock clock;

    public FlashCheckHandler(StartJobRequestValidator validator, TenantDirectory tenants, JobSubmitter submitter,
                             JobLookup lookup, JobForwarder forwarder, Clock clock) {
        this.validator = validator;
        this.tenants = tenants;
        this.submitter = submitter;
        this.lookup = lookup;
        this.forwarder = forwarder;
        this.clock = clock;
    }

    /** Blocks a (virtual) request thread while the check runs: the API serves on virtual threads. */
    public void run(Context ctx) throws InterruptedException {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_WRITE);
        StartJobRequestValidator.ValidatedStart valid = validator.validateFlash(RequestContext.jsonBody(ctx));
        AgentAccess.require(tenants, caller, valid.request().plan().agentKey());
        SubmitJob command = new SubmitJob(SubmitJob.SCHEMA_VERSION, UUID.randomUUID().toString(), caller.tenantId(),
                valid.jobId(), clock.instant(), valid.request(), null);
        long deadline = System.nanoTime() + WAIT.toNanos();
        CommandOutcome outcome;
        try {
            outcome = submitter.send(command).get();
        } catch (ExecutionException e) {
            throw ApiError.unavailable("The job's outcome is not known yet: retry with the same job_id, or read it "
                    + "with getJobById.", command.jobId(), 1);
        }
        switch (outcome.outcome()) {
            case DUPLICATE -> throw ApiError.duplicateJob(command.jobId());
            case REJECTED -> throw ApiError.invalidField("body", "rejected by the job registry: " + outcome.reason());
            case ACCEPTED -> {
            }
        }
        JobKey key = new JobKey(caller.tenantId(), command.jobId());
        String authorization = ctx.header("Authorization");
        JsonNode latest = JobView.render(outcome.job(), view());
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> now = read(key, authorization);
            if (now.isPresent()) {
                latest = now.get();
                if (JobStatus.fromWire(latest.path("status").asText("queued")).isTerminal()) {
                    ctx.status(200).json(latest);
                    return;
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        Map<String, Object> pending = new LinkedHashMap<>();
        pending.put("status", "pending");
        pending.put("job_id", command.jobId());
        pending.put("message", "The check is still running after " + WAIT.toSeconds() + " s; read the job with "
                + "getJobById?job_id=" + command.jobId() + "&include_check_results=true.");
        pending.put("job", latest);
        ctx.status(202).json(pending);
    }

    /** The job with its check results (its input, the documents included, stays with getJobById). */
    private static JobView.Include view() {
        return new JobView.Include(true, false, false).withoutInputPayload();
    }

    /** The job as the registry has it now, here or at its owner; empty during a rebalance. */
    private Optional<JsonNode> read(JobKey key, String authorization) {
        // A short look each time: the caller polls until the job is terminal or its own wait is over.
        return switch (lookup.find(key, ReadDeadline.in(Duration.ofSeconds(1)))) {
            case JobLookup.Found<Job> found -> Optional.of(JobView.render(found.value(), view()));
            case JobLookup.Missing<Job> missing -> Optional.empty();
            case JobLookup.Unavailable<Job> unavailable -> Optional.empty();
            case JobLookup.Elsewhere<Job> elsewhere -> forwarder.forward(elsewhere.owner(), IngestApi.PREFIX
                            + "/getJobById?job_id=" + key.jobId() + "&include_check_results=true", authorization)
                    .filter(answer -> answer.status() == 200)
                    .map(answer -> withoutInput(answer.body()));
        };
    }

    private static JsonNode withoutInput(String body) {
        try {
            ObjectNode job = (ObjectNode) Json.mapper().readTree(body);
            job.remove("input_payload");
            return job;
        } catch (IOException | ClassCastException e) {
            return null;
        }
    }
}
