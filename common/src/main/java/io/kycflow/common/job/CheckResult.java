package io.kycflow.common.job;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * One check's result within a job, in the reference API's shape. Workers publish it on
 * {@code kyc.check-results} (first {@code running}, then a final {@code complete} or {@code error});
 * {@code attempt} lets the registry ignore a result for a check that is already final.
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
        String answer,
        String explanation,
        JsonNode payload,
        List<JsonNode> evidence,
        Instant checkStartTime,
        Instant checkEndTime,
        CheckError error) {

    public static final int SCHEMA_VERSION = 1;

    public CheckResult {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The placeholder a job holds for a check that has not reported yet. */
    public static CheckResult pending(JobKey key, String agentKey, PlannedCheck check, String commandInstanceId) {
        return new CheckResult(SCHEMA_VERSION, key.tenantId(), key.jobId(), agentKey, check.checkId(),
                commandInstanceId, check.commandName(), 1, CheckStatus.PENDING, null, null, null, null,
                List.of(), null, null, null);
    }

    public CheckResult timedOut(Instant at, String message) {
        return new CheckResult(SCHEMA_VERSION, tenantId, jobId, agentKey, commandId, commandInstanceId,
                commandName, attempt, CheckStatus.ERROR, null, "The check did not finish in time.",
                message, null, evidence, checkStartTime, at, new CheckError("timed_out", message));
    }
}
