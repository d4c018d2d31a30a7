package io.kycflow.ingest.registry;

import io.kycflow.common.command.CheckTask;
import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.crypto.IssuedDataKey;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.monitoring.MonitoringSubscription;
import io.kycflow.common.job.JobEvent;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What the registry writes, in one place: a changed job goes to the store, the compacted job topic
 * and the event topic together, so the three never disagree.
 */
final class RegistryOutput {

    static final String ERROR_HEADER = "kycflow-error";
    static final String SOURCE_TOPIC_HEADER = "kycflow-source-topic";

    private final ProcessorContext<String, Object> context;
    private final KeyValueStore<String, Job> jobs;

    RegistryOutput(ProcessorContext<String, Object> context, KeyValueStore<String, Job> jobs) {
        this.context = context;
        this.jobs = jobs;
    }

    void jobChanged(Job job, String eventType, Instant at) {
        String key = job.key().toString();
        jobs.put(key, job);
        context.forward(new Record<String, Object>(key, job, at.toEpochMilli()), RegistryNames.JOBS_SINK);
        event(job, eventType, at);
    }

    /** A folded change: the event of the version it passed through first, if any, then the change itself. */
    void jobChanged(JobFold.Change change, Instant at) {
        if (change.started() != null) {
            event(change.started(), JobEvent.JOB_STARTED, at);
        }
        jobChanged(change.job(), change.eventType(), at);
    }

    private void event(Job job, String eventType, Instant at) {
        context.forward(new Record<String, Object>(job.key().toString(), JobEvent.of(eventType, job, at), at.toEpochMilli()),
                RegistryNames.JOB_EVENTS_SINK);
    }

    void outcome(String key, CommandOutcome outcome, Instant at) {
        context.forward(new Record<String, Object>(key, outcome, at.toEpochMilli()), RegistryNames.OUTCOMES_SINK);
    }

    /**
     * A command for this topology's own input (a retry's new job), with its submission id and, when it has
     * one, the new job's data key in its headers, as the API writes them.
     */
    void command(JobCommand command, IssuedDataKey dataKey, Instant at) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(JobCommand.SUBMISSION_ID_HEADER, command.submissionId().getBytes(StandardCharsets.UTF_8));
        if (dataKey != null) {
            headers.add(IssuedDataKey.HEADER, dataKey.toHeader());
        }
        context.forward(new Record<String, Object>(command.key().toString(), command, at.toEpochMilli(), headers),
                RegistryNames.COMMANDS_SINK);
    }

    /**
     * Stores an accepted job's data key on {@code kyc.job-keys}, in the transaction that accepts the job: every
     * other process's ring reads it there, and it is committed exactly when the job and its tasks are.
     */
    void storeDataKey(IssuedDataKey dataKey, Instant at) {
        context.forward(new Record<String, Object>(dataKey.ref(), dataKey.wrapped(), at.toEpochMilli()),
                RegistryNames.JOB_KEYS_SINK);
    }

    /**
     * Destroys a data key: a tombstone on {@code kyc.job-keys}, in the registry's transaction, so the key goes
     * exactly when the change that needs it gone (a deleted job, a lost race) is committed.
     */
    void destroyDataKey(String ref, Instant at) {
        if (ref != null) {
            context.forward(new Record<String, Object>(ref, null, at.toEpochMilli()), RegistryNames.JOB_KEYS_SINK);
        }
    }

    /** The job's subject on {@code kyc.monitoring.subjects}: its record while monitored, else a tombstone. */
    void monitoredSubject(Job job, Instant at) {
        String key = job.key().toString();
        MonitoringSubscription subject = job.monitoring().active() && job.status() != JobStatus.DELETED
                ? new MonitoringSubscription(MonitoringSubscription.SCHEMA_VERSION, job.tenantId(), job.id(), job.caseId(),
                job.inputPayload(), job.monitoring().since(), job.dataKeyRef())
                : null;
        context.forward(new Record<String, Object>(key, subject, at.toEpochMilli()), RegistryNames.MONITORING_SUBJECTS_SINK);
    }

    void task(String key, CheckTask task, Instant at) {
        context.forward(new Record<String, Object>(key, task, at.toEpochMilli()), RegistryNames.CHECK_TASKS_SINK);
    }

    /** Keeps an unreadable record byte for byte, with why and where from, instead of killing the stream thread. */
    void deadLetter(String key, byte[] value, String sourceTopic, String reason, Instant at) {
        deadLetter(context, key, value, sourceTopic, reason, at);
    }

    /** The same, for a processor that writes no jobs (it has no job store to build a {@code RegistryOutput} on). */
    static void deadLetter(ProcessorContext<String, Object> context, String key, byte[] value, String sourceTopic,
                           String reason, Instant at) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ERROR_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(SOURCE_TOPIC_HEADER, sourceTopic.getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<String, Object>(key, value, at.toEpochMilli(), headers), RegistryNames.DEAD_LETTERS_SINK);
    }
}
