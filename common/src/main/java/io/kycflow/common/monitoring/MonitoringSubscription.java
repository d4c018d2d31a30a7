package io.kycflow.common.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.crypto.HasDataKey;
import io.kycflow.common.crypto.Personal;

import java.time.Instant;

/**
 * One monitored subject (a subscription) on {@code kyc.monitoring.subjects} (compacted, keyed {@code tenant/job_id}; a
 * tombstone ends monitoring). Written by the job registry alone, in the transaction that changes the job, so
 * the topic and the job never disagree. The subject's data is sealed with the job's data key: deleting the
 * job destroys the key, and the registry tombstones the record in the same transaction.
 */
public record MonitoringSubscription(int schemaVersion, String tenantId, String jobId, String caseId,
                               @Personal JsonNode kycSchema, Instant since, String dataKeyRef) implements HasDataKey {

    public static final int SCHEMA_VERSION = 1;
}
