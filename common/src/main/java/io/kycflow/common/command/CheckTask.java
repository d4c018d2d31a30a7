package io.kycflow.common.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.crypto.HasDataKey;
import io.kycflow.common.crypto.Personal;

import java.time.Instant;

/**
 * One check to run for one job, on {@code kyc.check-tasks.<check>}: which job, which check with which
 * arguments, the subject's data (sealed with the job's data key, {@code data_key_ref}; null once the job was
 * deleted), the attempt and the deadline after which a worker skips it.
 */
public record CheckTask(int schemaVersion, String tenantId, String jobId, String agentKey, String checkId,
                        String commandInstanceId, int attempt, Instant deadline, JsonNode args, @Personal JsonNode subject,
                        String dataKeyRef) implements HasDataKey {

    public static final int SCHEMA_VERSION = 1;
}
