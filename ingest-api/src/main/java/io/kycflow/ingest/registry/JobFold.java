package io.kycflow.ingest.registry;

import io.kycflow.common.agent.AgentRules;
import io.kycflow.common.agent.RecommendationPolicy;
import io.kycflow.common.agent.RiskPolicy;
import io.kycflow.common.command.SubmitJob;
import io.kycflow.common.job.CheckError;
import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.CheckStatus;
import io.kycflow.common.job.Job;
import io.kycflow.common.monitoring.JobMonitoring;
import io.kycflow.common.review.JobReview;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.job.JobPlan;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.job.PlannedCheck;
import io.kycflow.common.job.StatusMessage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How a job changes: created from an accepted submission, then folded with each check result until
 * every check is final, when it gets its recommendation and its risk rating. Pure functions of their inputs, so replays give the same job. Status messages
 * name checks, never the person.
 */
final class JobFold {

    private JobFold() {
    }

    /**
     * A job changed, and the type of event that tells about the change. {@code started}, when not null, is
     * the version the job passed through on the way: a queued job whose first check reported its final result
     * without a {@code running} first. Its {@code job.started} event is written before this change's own, so
     * a subscriber hears of the start exactly once whichever way the job began.
     */
    record Change(Job job, String eventType, Job started) {
        Change(Job job, String eventType) {
            this(job, eventType, null);
        }
    }

    /** The new job of an accepted submission, keeping {@code plan} (the submission's, its rules named, not copied). */
    static Job create(SubmitJob submit, JobPlan plan, Instant now) {
        JobKey key = submit.key();
        List<CheckResult> pending = plan.checks().stream()
                .map(check -> CheckResult.pending(key, plan.agentKey(), check, commandInstanceId(key, check.checkId(), 1)))
                .toList();
        String caseId = submit.request().kycSchema().path("id").asText(null);
        return new Job(Job.SCHEMA_VERSION, submit.jobId(), submit.tenantId(), plan.agentKey(), plan.agentVersion(),
                caseId, JobStatus.QUEUED, 0.0, null, submit.request().kycSchema(), now, null, null, now, now,
                pending, List.of(new StatusMessage(now, "Job queued with " + plan.checks().size() + " check(s).")),
                plan, submit.submissionId(), submit.request().notifications(), 1, submit.originalJobId(), null,
                JobReview.EMPTY, null, List.of(), submit.request().monitor() ? JobMonitoring.NONE.start(now) : JobMonitoring.NONE);
    }

    /** Stable per job, check and attempt, so a replayed fan-out names the same run. */
    static String commandInstanceId(JobKey key, String checkId, int attempt) {
        return UUID.nameUUIDFromBytes((key + "|" + checkId + "|" + attempt).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Instant deadline(Job job, PlannedCheck check) {
        return job.queuedAt().plus(check.timeout());
    }

    /**
     * Folds one result into the job. Empty when it changes nothing: a result for a check that is already
     * final, for another attempt, for a check the job does not run, or a repeated {@code running}. The job's
     * {@code rules} decide and rate it when this is its last result.
     */
    static Optional<Change> apply(Job job, CheckResult result, AgentRules rules, Instant now) {
        if (job.status().isTerminal() || result.status() == null || result.status() == CheckStatus.PENDING) {
            return Optional.empty();
        }
        int index = indexOf(job, result.commandId());
        if (index < 0) {
            return Optional.empty();
        }
        CheckResult current = job.checkResults().get(index);
        if (current.status().isFinal() || result.attempt() != current.attempt()) {
            return Optional.empty();
        }
        if (result.status() == CheckStatus.RUNNING) {
            if (current.status() == CheckStatus.RUNNING) {
                return Optional.empty();
            }
            // The first check to start starts the job; a later one changes only its own status.
            String eventType = job.status() == JobStatus.QUEUED ? JobEvent.JOB_STARTED : JobEvent.CHECK_STARTED;
            return Optional.of(new Change(checkStarted(job, index, result.checkStartTime(), now), eventType));
        }
        Job from = job;
        Job started = null;
        if (job.status() == JobStatus.QUEUED) {
            // Workers report running only for a check still running after a while: a fast first check
            // arrives final, and the job passes through started on the way.
            started = checkStarted(job, index, result.checkStartTime(), now);
            from = started;
        }
        CheckResult finalResult = new CheckResult(CheckResult.SCHEMA_VERSION, current.tenantId(), current.jobId(),
                current.agentKey(), current.commandId(), current.commandInstanceId(), current.commandName(),
                current.attempt(), result.status(), result.passed(), result.answer(), result.explanation(),
                result.payload(), result.evidence(),
                result.checkStartTime() != null ? result.checkStartTime() : current.checkStartTime(),
                result.checkEndTime() != null ? result.checkEndTime() : now, result.error(), current.dataKeyRef());
        Change finished = finish(from, index, finalResult, rules, now);
        return Optional.of(new Change(finished.job(), finished.eventType(), started));
    }

    /** The job with one check marked running since {@code startedAt} (else now), and the job in progress. */
    private static Job checkStarted(Job job, int index, Instant startedAt, Instant now) {
        CheckResult current = job.checkResults().get(index);
        CheckResult running = new CheckResult(CheckResult.SCHEMA_VERSION, current.tenantId(), current.jobId(),
                current.agentKey(), current.commandId(), current.commandInstanceId(), current.commandName(),
                current.attempt(), CheckStatus.RUNNING, null, null, null, null, List.of(),
                startedAt != null ? startedAt : now, null, null, current.dataKeyRef());
        return start(job, now).checkResults(replace(job.checkResults(), index, running))
                .statusMessages(append(job.statusMessages(), now, current.commandName() + " started."))
                .eventSequence(job.eventSequence() + 1)
                .updatedAt(now)
                .build();
    }

    /** The job stopped by request: {@code cancelled}, no recommendation, its unfinished checks left as they were. */
    static Job cancel(Job job, Instant now) {
        return job.toBuilder().status(JobStatus.CANCELLED).recommendation(null).completedAt(now)
                .updatedAt(now).statusMessages(append(job.statusMessages(), now, "Job cancelled."))
                .eventSequence(job.eventSequence() + 1).build();
    }

    /**
     * The audit record that remains of a deleted job: who, which agent, when, the verdicts; no input, and
     * check results without answers, explanations, payloads, evidence or error text (any may repeat the
     * subject's data). No notification targets: nothing is sent about it any more.
     */
    static Job delete(Job job, Instant now) {
        List<CheckResult> results = job.checkResults().stream()
                .map(r -> new CheckResult(CheckResult.SCHEMA_VERSION, r.tenantId(), r.jobId(), r.agentKey(), r.commandId(),
                        r.commandInstanceId(), r.commandName(), r.attempt(), r.status(), r.passed(), null, null, null,
                        List.of(), r.checkStartTime(), r.checkEndTime(),
                        r.error() == null ? null : new CheckError(r.error().code(), null), null))
                .toList();
        return new Job(Job.SCHEMA_VERSION, job.id(), job.tenantId(), job.agentId(), job.agentVersion(), job.caseId(),
                JobStatus.DELETED, job.progress(), job.recommendation(), null, job.queuedAt(), job.startedAt(),
                job.completedAt() != null ? job.completedAt() : now, job.createdAt(), now, results,
                append(job.statusMessages(), now, "Job deleted at " + now + ": its personal data was erased."),
                job.plan(), job.submissionId(), null, job.eventSequence() + 1, job.originalJobId(), job.newJobId(),
                job.review().withoutPersonalData(), job.riskRating(), job.riskFactors(),
                job.monitoring().stop(now).withoutPersonalData());
    }

    /** The check ran out of time: an {@code error} result, so the job is reviewed rather than approved. */
    static Optional<Change> timeOut(Job job, String checkId, AgentRules rules, Instant now) {
        int index = indexOf(job, checkId);
        if (job.status().isTerminal() || index < 0 || job.checkResults().get(index).status().isFinal()) {
            return Optional.empty();
        }
        CheckResult current = job.checkResults().get(index);
        PlannedCheck planned = job.plan().checks().stream().filter(c -> c.checkId().equals(checkId)).findFirst()
                .orElseThrow();
        return Optional.of(finish(job, index, current.timedOut(now,
                "No result within " + planned.timeout().toSeconds() + " s of the job being queued."), rules, now));
    }

    private static Change finish(Job job, int index, CheckResult finalResult, AgentRules rules, Instant now) {
        List<CheckResult> results = replace(job.checkResults(), index, finalResult);
        long finished = results.stream().filter(r -> r.status().isFinal()).count();
        String note = finalResult.commandName() + " finished: " + verdict(finalResult) + ".";
        Job.Builder next = start(job, now)
                .checkResults(results)
                .progress(finished / (double) results.size())
                .statusMessages(append(job.statusMessages(), now, note))
                .eventSequence(job.eventSequence() + 1)
                .updatedAt(now);
        if (finished < results.size()) {
            return new Change(next.build(), JobEvent.CHECK_FINISHED);
        }
        boolean anyError = results.stream().anyMatch(r -> r.status() == CheckStatus.ERROR);
        JobStatus terminal = anyError ? JobStatus.ERROR : JobStatus.COMPLETE;
        RiskPolicy.Assessment risk = RiskPolicy.assess(rules.riskRules(), results);
        Job done = next.status(terminal)
                .recommendation(RecommendationPolicy.decide(rules.decisionRules(), results))
                .riskRating(risk.rating())
                .riskFactors(risk.factors())
                .completedAt(now)
                .build();
        return new Change(done, JobEvent.terminalType(terminal));
    }

    private static String verdict(CheckResult result) {
        if (result.status() == CheckStatus.ERROR) {
            return result.error() != null && "timed_out".equals(result.error().code()) ? "timed out" : "error";
        }
        return Boolean.TRUE.equals(result.passed()) ? "passed" : Boolean.FALSE.equals(result.passed()) ? "failed" : "done";
    }

    private static Job.Builder start(Job job, Instant now) {
        Job.Builder builder = job.toBuilder();
        if (job.status() == JobStatus.QUEUED) {
            builder.status(JobStatus.IN_PROGRESS).startedAt(now);
        }
        return builder;
    }

    private static int indexOf(Job job, String checkId) {
        for (int i = 0; i < job.checkResults().size(); i++) {
            if (job.checkResults().get(i).commandId().equals(checkId)) {
                return i;
            }
        }
        return -1;
    }

    private static List<CheckResult> replace(List<CheckResult> results, int index, CheckResult result) {
        List<CheckResult> copy = new ArrayList<>(results);
        copy.set(index, result);
        return copy;
    }

    private static List<StatusMessage> append(List<StatusMessage> messages, Instant at, String message) {
        List<StatusMessage> copy = new ArrayList<>(messages);
        copy.add(new StatusMessage(at, message));
        return copy;
    }
}
