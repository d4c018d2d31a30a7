package io.kycflow.common.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.crypto.Personal;
import io.kycflow.common.job.JobPlan;
import io.kycflow.common.job.NotificationTargets;

/**
 * A validated start-job request: the subject's {@code kyc_schema} as the client sent it, the resolved
 * agent plan and where to notify. {@code extra} keeps the reference API's other optional fields
 * ({@code run_in_parallel}, {@code batch_id}…) as given. {@code monitor} puts the subject under ongoing
 * monitoring once the job is accepted.
 */
public record JobRequest(@Personal JsonNode kycSchema, JobPlan plan, NotificationTargets notifications, JsonNode extra,
                         boolean monitor) {

    /** A request without monitoring. */
    public JobRequest(JsonNode kycSchema, JobPlan plan, NotificationTargets notifications, JsonNode extra) {
        this(kycSchema, plan, notifications, extra, false);
    }

    /** This request with another plan. */
    public JobRequest withPlan(JobPlan plan) {
        return new JobRequest(kycSchema, plan, notifications, extra, monitor);
    }
}
