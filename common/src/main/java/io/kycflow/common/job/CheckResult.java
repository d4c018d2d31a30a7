package io.kycflow.common.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.crypto.HasDataKey;
import io.kycflow.common.crypto.Personal;

import java.time.Instant;
import java.util.List;

/**
 * One check's result within a job, in the reference API's shape. Workers publish it on
 * {@code kyc.check-results} (first {@code running}, then a final {@code complete} or {@code error});
 * {@code attempt} lets the registry ignore a result for a check that is already final. The answer,
 * explanation, payload and evidence may repeat the subject's data: they are sealed with {@code data_key_ref}
 * (the job's data key, copied from the task), or inside a job with the job's.
 */
public record CheckResult(
        int schemaVersion,
        String tenantId,
        String jobId,
        String agentKey,
        String commandId,
        String commandInstanceId,
        String commandName,
        int attempt,
        CheckStatus status,
        Boolean passed,
        @Personal String answer,
        @Personal String explanation,
        @Personal JsonNode payload,
        @Personal List<JsonNode> evidence,
        Instant checkStartTime,
        Instant checkEndTime,
        CheckError error,
        String dataKeyRef) implements HasDataKey {

    public static final int SCHEMA_VERSION = 1;

    public CheckResult {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The placeholder a job holds for a check that has not reported yet. */
    public static CheckResult pending(JobKey key, String agentKey, PlannedCheck check, String commandInstanceId) {
        return new CheckResult(SCHEMA_VERSION, key.tenantId(), key.jobId(), agentKey, check.checkId(),
                commandInstanceId, check.commandName(), 1, CheckStatus.PENDING, null, null, null, null,
                List.of(), null, null, null, null);
    }

    public CheckResult timedOut(Instant at, String message) {
        return new CheckResult(SCHEMA_VERSION, tenantId, jobId, agentKey, commandId, commandInstanceId,
                commandName, attempt, CheckStatus.ERROR, null, "The check did not finish in time.",
                message, null, evidence, checkStartTime, at, new CheckError("timed_out", message), dataKeyRef);
    }
}
