package io.kycflow.common.job;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One change of a job, on {@code kyc.job-events}. {@code event_id} is derived from the job key and the
 * per-job {@code sequence}, so it is the same however often the event is delivered.
 */
public record JobEvent(int schemaVersion, String eventId, String eventType, long sequence, Instant occurredAt,
                       @JsonSerialize(using = JobAsWrittenSerializer.class) Job job) {

    public static final int SCHEMA_VERSION = 1;

    public static final String JOB_QUEUED = "job.queued";
    public static final String JOB_STARTED = "job.started";
    public static final String CHECK_FINISHED = "check.finished";
    /**
     * A check of a job already in progress reported {@code running} (workers report it only for a check still
     * running after a while). Not delivered: the webhook hears of the job's start ({@code job.started}) and of
     * each check's end.
     */
    public static final String CHECK_STARTED = "check.started";
    /** A finished job was retried: it now names its retry ({@code new_job_id}). */
    public static final String JOB_RETRIED = "job.retried";
    /** An analyst judged one screening hit of a finished job (true match or false positive). */
    public static final String HIT_REVIEWED = "hit.reviewed";
    /**
     * An analyst decided the case (approve, reject, escalate). Sent to the job's webhook whether or not it
     * subscribed: it is the answer the client's own process waits for once a job ended in review.
     */
    public static final String CASE_DECIDED = "case.decided";
    /**
     * A monitored subject matches a list entry that was added or changed: sent to the job's webhook and Slack
     * whether or not they subscribed, as an alert is what monitoring is for. The body names the alert.
     */
    public static final String MONITORING_ALERT = "monitoring.alert";
    /** Monitoring of the job's subject started or ended (not delivered: the API call that did it answered). */
    public static final String MONITORING_CHANGED = "monitoring.changed";
    /**
     * The events a webhook may subscribe to besides the terminal one, which it always gets: the job
     * starting and each check finishing ({@code job.queued} is the submission's own answer, so not offered).
     */
    public static final List<String> SUBSCRIBABLE = List.of(JOB_STARTED, CHECK_FINISHED, HIT_REVIEWED);
    /** The events every webhook gets besides the terminal one, subscribed or not. */
    public static final List<String> ALWAYS_TO_WEBHOOK = List.of(CASE_DECIDED, MONITORING_ALERT);

    public static JobEvent of(String eventType, Job job, Instant at) {
        String eventId = UUID.nameUUIDFromBytes((job.key() + "#" + job.eventSequence()).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new JobEvent(SCHEMA_VERSION, eventId, eventType, job.eventSequence(), at, job);
    }

    /** The terminal event's type names the status: {@code job.complete}, {@code job.error}… */
    public static String terminalType(JobStatus status) {
        return "job." + status.wire().replace(' ', '_');
    }
}
