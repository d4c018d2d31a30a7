package io.kycflow.common.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.kycflow.common.job.JobKey;

import java.time.Instant;

/**
 * Everything that asks the registry to change a job travels on {@code kyc.job-commands}, keyed
 * {@code tenant/job_id}. The registry is the single writer of jobs; these are its inputs.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = SubmitJob.class, name = "submit"),
        @JsonSubTypes.Type(value = CancelJob.class, name = "cancel"),
        @JsonSubTypes.Type(value = RetryJob.class, name = "retry"),
        @JsonSubTypes.Type(value = DeleteJob.class, name = "delete"),
        @JsonSubTypes.Type(value = SetMonitoring.class, name = "set_monitoring"),
        @JsonSubTypes.Type(value = RaiseMonitoringAlert.class, name = "monitoring_alert")})
public sealed interface JobCommand permits SubmitJob, CancelJob, RetryJob, DeleteJob, SetMonitoring, RaiseMonitoringAlert {

    int SCHEMA_VERSION = 1;

    /** The header that repeats the submission id, so even an unreadable command gets its answer. */
    String SUBMISSION_ID_HEADER = "kycflow-submission-id";

    String submissionId();

    String tenantId();

    String jobId();

    Instant issuedAt();

    default JobKey key() {
        return new JobKey(tenantId(), jobId());
    }
}
