package io.kycflow.notifier;

import io.kycflow.common.job.JobStatus;
import io.kycflow.common.job.NotificationTargets;
import io.kycflow.common.json.Json;

/**
 * What the notifier reads of an event first: its type, and its job's status and notification targets. None
 * of it is personal, so no sealed field is opened. Most events go to no one (a job's queued and progress
 * events, unless its webhook subscribed to them): those are skipped on this alone, unparsed and unopened.
 */
public record EventHead(String eventType, JobHead job) {

    public record JobHead(JobStatus status, NotificationTargets notifications) {
    }

    /** Reads the head of a {@code kyc.job-events} record; a malformed one throws, as a full read would. */
    static EventHead read(byte[] event) {
        return Json.fromBytes(event, EventHead.class);
    }

    public JobStatus jobStatus() {
        return job == null ? null : job.status();
    }

    public NotificationTargets notifications() {
        return job == null ? null : job.notifications();
    }
}
