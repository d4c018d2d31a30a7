package io.kycflow.ingest.registry;

import io.kycflow.common.command.CancelJob;
import io.kycflow.common.command.CheckTask;
import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.command.DeleteJob;
import io.kycflow.common.crypto.DataKeyRef;
import io.kycflow.common.crypto.IssuedDataKey;
import io.kycflow.common.crypto.PersonalDataProtection;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.command.JobRequest;
import io.kycflow.common.command.RaiseMonitoringAlert;
import io.kycflow.common.command.RetryJob;
import io.kycflow.common.command.SetMonitoring;
import io.kycflow.common.command.SubmitJob;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.job.JobPlan;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.job.PlannedCheck;
import io.kycflow.common.json.Json;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides every submission, one key at a time: all commands of a key reach this one task in order, so
 * "get, then put if absent" on the job store needs no lock across any number of API instances. The job
 * names the winning submission id, so a replay of the winner is answered "accepted" again, never a false 409.
 */
final class SubmissionProcessor implements Processor<String, byte[], String, Object> {

    private static final Logger log = LoggerFactory.getLogger(SubmissionProcessor.class);
    /** The reason of a submission refused because it names rules this task does not hold. */
    static final String RULES_NOT_HELD = "the agent rules this submission names are not held by its registry task; "
            + "send them inline: rules_id ";

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, Job> jobs;
    private JobDeadlines deadlines;
    private KeyValueStore<String, String> index;
    private AgentRulesBook rules;
    private RegistryOutput output;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.jobs = context.getStateStore(RegistryNames.JOB_STORE);
        this.deadlines = new JobDeadlines(context.getStateStore(RegistryNames.DEADLINE_STORE));
        this.index = context.getStateStore(RegistryNames.JOB_INDEX_STORE);
        this.rules = new AgentRulesBook(context.getStateStore(RegistryNames.AGENT_RULES_STORE));
        this.output = new RegistryOutput(context, jobs);
    }

    /**
     * The new job's data key, from the command's header, into the ring before the command is read: the ring
     * may not see it on {@code kyc.job-keys} while this thread's own transaction holds that partition
     * ({@link IssuedDataKey}), and a job's key is written there by this processor, when it accepts the job.
     * Null without a header (a command from an API that stored the key itself) or when it does not read.
     */
    private static IssuedDataKey acceptIssuedKey(Record<String, byte[]> record) {
        Header header = record.headers().lastHeader(IssuedDataKey.HEADER);
        if (header == null || header.value() == null) {
            return null;
        }
        try {
            IssuedDataKey issued = IssuedDataKey.fromHeader(header.value());
            if (!PersonalDataProtection.ring().holds(issued.ref())) { // a ref names one submission's one key
                PersonalDataProtection.ring().accept(issued.ref(), issued.wrapped());
            }
            return issued;
        } catch (RuntimeException e) {
            log.warn("a command's data key header does not read ({}); the key ring's own copy is used",
                    e.getClass().getSimpleName());
            return null;
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        String submissionId = header(record, JobCommand.SUBMISSION_ID_HEADER);
        IssuedDataKey issued = acceptIssuedKey(record);
        JobCommand command;
        try {
            command = Json.fromBytes(record.value(), JobCommand.class);
            validate(record.key(), command);
        } catch (RuntimeException e) {
            reject(record, submissionId, "unreadable command: " + rootMessage(e), now);
            return;
        }
        switch (command) {
            case SubmitJob submit -> submit(record.key(), submit, issued, now);
            case CancelJob cancel -> cancel(record.key(), cancel, now);
            case RetryJob retry -> retry(record.key(), retry, issued, now);
            case DeleteJob delete -> delete(record.key(), delete, now);
            case SetMonitoring set -> setMonitoring(record.key(), set, now);
            case RaiseMonitoringAlert alert -> raiseAlert(record.key(), alert, now);
        }
    }

    /**
     * Starts or ends the job's monitoring: the job says so, and {@code kyc.monitoring.subjects} gets the subject
     * (sealed with the job's key) or a tombstone, in this transaction. Repeating either is accepted, unchanged.
     */
    private void setMonitoring(String key, SetMonitoring set, Instant now) {
        Job job = jobs.get(key);
        if (job == null) {
            output.outcome(key, CommandOutcome.notFound(set.submissionId(), set.tenantId(), set.jobId()), now);
            return;
        }
        Optional<String> refused = set.active() ? MonitoringFold.cannotMonitor(job) : Optional.empty();
        if (refused.isPresent()) {
            output.outcome(key, CommandOutcome.conflict(set.submissionId(), set.tenantId(), set.jobId(), refused.get()), now);
            return;
        }
        Job changed = MonitoringFold.set(job, set.active(), now);
        if (changed != job) {
            output.jobChanged(changed, JobEvent.MONITORING_CHANGED, now);
            output.monitoredSubject(changed, now);
        }
        output.outcome(key, CommandOutcome.accepted(set.submissionId(), OutcomeJob.of(changed)), now);
    }

    /**
     * An alert the monitoring service proposes: added to the job with a {@code monitoring.alert} event when it
     * stands ({@link MonitoringFold#alert}), else dropped. No outcome: nobody waits for one, and the service
     * proposes the same alert again harmlessly (its id makes it once-only).
     */
    private void raiseAlert(String key, RaiseMonitoringAlert raise, Instant now) {
        Job job = jobs.get(key);
        if (job == null) {
            return;
        }
        MonitoringFold.alert(job, raise.alert(), now).ifPresent(change -> output.jobChanged(change.job(), change.eventType(), now));
    }

    /** Ends a job that has not finished; its checks' late results are ignored by the fold (the job is terminal). */
    private void cancel(String key, CancelJob cancel, Instant now) {
        Job job = jobs.get(key);
        if (job == null) {
            output.outcome(key, CommandOutcome.notFound(cancel.submissionId(), cancel.tenantId(), cancel.jobId()), now);
            return;
        }
        if (job.status().isTerminal()) {
            output.outcome(key, CommandOutcome.conflict(cancel.submissionId(), cancel.tenantId(), cancel.jobId(),
                    "the job has already finished (" + job.status().wire() + ")"), now);
            return;
        }
        Job cancelled = JobFold.cancel(job, now);
        deadlines.forget(job);
        output.jobChanged(cancelled, JobEvent.terminalType(cancelled.status()), now);
        output.outcome(key, CommandOutcome.accepted(cancel.submissionId(), OutcomeJob.of(cancelled)), now);
    }

    /**
     * Links a finished job to its retry and submits the retry (same subject, plan and targets) to this
     * topology's own input, under the caller's submission id: the new job's owner answers the caller.
     * Repeating the same retry re-submits the same new job, which its owner recognises; a second, different
     * retry of one job is a conflict. The new job's data key goes along in the new command's header.
     */
    private void retry(String key, RetryJob retry, IssuedDataKey issued, Instant now) {
        Job job = jobs.get(key);
        // A retry that starts nothing destroys the new job's key (its tombstone says so to every ring).
        String newKey = DataKeyRef.of(retry.tenantId(), retry.newJobId(), retry.submissionId());
        if (job == null) {
            output.destroyDataKey(newKey, now);
            output.outcome(key, CommandOutcome.notFound(retry.submissionId(), retry.tenantId(), retry.jobId()), now);
            return;
        }
        if (!job.status().isTerminal() || job.status() == JobStatus.DELETED) {
            output.destroyDataKey(newKey, now);
            output.outcome(key, CommandOutcome.conflict(retry.submissionId(), retry.tenantId(), retry.jobId(),
                    job.status() == JobStatus.DELETED ? "the job was deleted"
                            : "the job has not finished yet (" + job.status().wire() + "); cancel it first"), now);
            return;
        }
        if (job.newJobId() != null && !job.newJobId().equals(retry.newJobId())) {
            output.destroyDataKey(newKey, now);
            output.outcome(key, CommandOutcome.conflict(retry.submissionId(), retry.tenantId(), retry.jobId(),
                    "the job was already retried as " + job.newJobId()), now);
            return;
        }
        if (job.newJobId() == null) {
            output.jobChanged(job.toBuilder().newJobId(retry.newJobId()).eventSequence(job.eventSequence() + 1)
                    .updatedAt(now).build(), JobEvent.JOB_RETRIED, now);
        }
        SubmitJob again = new SubmitJob(SubmitJob.SCHEMA_VERSION, retry.submissionId(), job.tenantId(), retry.newJobId(),
                now, new JobRequest(job.inputPayload(), rules.whole(job), job.notifications(), null), job.id());
        output.command(again, issued, now);
    }

    /**
     * Accepts the first submission of a key and answers every other one with a 409. The job store is the
     * record of which submission won: a job is never removed from it (a deleted one stays as its audit
     * record), and it names its submission.
     */
    private void submit(String key, SubmitJob submit, IssuedDataKey issued, Instant now) {
        Job existing = jobs.get(key);
        if (existing == null) {
            Optional<JobPlan> plan = rules.keep(submit.request().plan());
            if (plan.isEmpty()) {
                // Named rules this task does not hold: not accepted, and not a dead letter either; the API
                // sends the same request again under a new submission, rules inline. This one's key goes.
                output.destroyDataKey(submit.dataKeyRef(), now);
                output.outcome(key, CommandOutcome.rejected(submit.submissionId(), submit.tenantId(), submit.jobId(),
                        RULES_NOT_HELD + submit.request().plan().rulesId()), now);
                return;
            }
            Job job = JobFold.create(submit, plan.get(), now);
            if (issued != null && issued.ref().equals(job.dataKeyRef())) {
                output.storeDataKey(issued, now);
            }
            output.jobChanged(job, JobEvent.JOB_QUEUED, now);
            JobIndex.add(index, job);
            deadlines.schedule(job);
            for (PlannedCheck check : job.plan().checks()) {
                output.task(key, new CheckTask(CheckTask.SCHEMA_VERSION, job.tenantId(), job.id(), job.agentId(),
                        check.checkId(), JobFold.commandInstanceId(job.key(), check.checkId(), 1), 1,
                        JobFold.deadline(job, check), check.args(), job.inputPayload(), job.dataKeyRef()), now);
            }
            if (job.monitoring().active()) {
                output.monitoredSubject(job, now);
            }
            output.outcome(key, CommandOutcome.accepted(submit.submissionId(), OutcomeJob.of(job)), now);
        } else if (submit.submissionId().equals(existing.submissionId())) {
            // The winning submission seen again (a producer retry or a replay): same answer, no second job.
            output.outcome(key, CommandOutcome.accepted(submit.submissionId(), OutcomeJob.of(existing)), now);
        } else {
            // The loser's data key seals only its own copy of the request: destroy it with the answer.
            output.destroyDataKey(submit.dataKeyRef(), now);
            output.outcome(key, CommandOutcome.duplicate(submit.submissionId(), submit.tenantId(), submit.jobId()), now);
        }
    }

    /**
     * Erases a job's personal data: its data key is destroyed (every copy anywhere stays ciphertext), the job
     * becomes a PII-free audit record, its pending deadlines go, and the job stays in the store (the job_id
     * is still taken). Deleting a deleted job is accepted again, unchanged.
     */
    private void delete(String key, DeleteJob delete, Instant now) {
        Job job = jobs.get(key);
        if (job == null) {
            output.outcome(key, CommandOutcome.notFound(delete.submissionId(), delete.tenantId(), delete.jobId()), now);
            return;
        }
        if (job.status() != JobStatus.DELETED) {
            deadlines.forget(job);
            output.destroyDataKey(job.dataKeyRef(), now);
            job = JobFold.delete(job, now);
            output.jobChanged(job, JobEvent.terminalType(JobStatus.DELETED), now);
            output.monitoredSubject(job, now); // a tombstone: deleting a job ends its monitoring
        }
        output.outcome(key, CommandOutcome.accepted(delete.submissionId(), OutcomeJob.of(job)), now);
    }

    private static void validate(String key, JobCommand command) {
        if (command.submissionId() == null || command.submissionId().isBlank()) {
            throw new IllegalArgumentException("no submission_id");
        }
        if (!command.key().toString().equals(key)) {
            throw new IllegalArgumentException("record key " + key + " does not match the command's " + command.key());
        }
        if (command instanceof RetryJob retry && (retry.newJobId() == null || !JobKey.isValidJobId(retry.newJobId()))) {
            throw new IllegalArgumentException("a retry needs a valid new_job_id");
        }
        if (command instanceof SubmitJob submit) {
            if (submit.request() == null || submit.request().plan() == null || submit.request().plan().checks().isEmpty()
                    || submit.request().kycSchema() == null) {
                throw new IllegalArgumentException("submission without a plan or kyc_schema");
            }
        }
    }

    private void reject(Record<String, byte[]> record, String submissionId, String reason, Instant now) {
        log.warn("rejected a record on {}: {}", Topics.JOB_COMMANDS.name(), reason);
        String tenant = null;
        String jobId = null;
        try {
            JobKey key = JobKey.parse(record.key());
            tenant = key.tenantId();
            jobId = key.jobId();
        } catch (RuntimeException ignored) {
            // The key itself is unreadable; the outcome still answers the waiting request by submission id.
        }
        if (submissionId != null) {
            output.outcome(record.key(), CommandOutcome.rejected(submissionId, tenant, jobId, reason), now);
        }
        output.deadLetter(record.key(), record.value(), Topics.JOB_COMMANDS.name(), reason, now);
    }

    private static String header(Record<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        // Parser messages may quote the input; keep the first line only, and short.
        message = message.lines().findFirst().orElse(message);
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
