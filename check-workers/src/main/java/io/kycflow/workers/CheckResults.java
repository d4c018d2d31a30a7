package io.kycflow.workers;

import io.kycflow.common.agent.CheckCatalog;
import io.kycflow.common.command.CheckTask;
import io.kycflow.common.job.CheckError;
import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.CheckStatus;
import io.kycflow.workers.check.CheckVerdict;

import java.time.Instant;
import java.util.List;

/** The results a worker reports for a task: {@code running}, then one final {@code complete} or {@code error}. */
final class CheckResults {

    private CheckResults() {
    }

    static CheckResult running(CheckTask task, Instant startedAt) {
        return result(task, CheckStatus.RUNNING, null, null, null, null, List.of(), startedAt, null, null);
    }

    static CheckResult complete(CheckTask task, CheckVerdict verdict, Instant startedAt, Instant endedAt) {
        return result(task, CheckStatus.COMPLETE, verdict.passed(), verdict.answer(), verdict.explanation(),
                verdict.payload(), verdict.evidence(), startedAt, endedAt, null);
    }

    static CheckResult error(CheckTask task, String code, String message, Instant startedAt, Instant endedAt) {
        return result(task, CheckStatus.ERROR, null, "The check could not give a verdict.", message, null, List.of(),
                startedAt, endedAt, new CheckError(code, message));
    }

    private static CheckResult result(CheckTask task, CheckStatus status, Boolean passed, String answer,
                                      String explanation, com.fasterxml.jackson.databind.JsonNode payload,
                                      List<com.fasterxml.jackson.databind.JsonNode> evidence, Instant startedAt,
                                      Instant endedAt, CheckError error) {
        return new CheckResult(CheckResult.SCHEMA_VERSION, task.tenantId(), task.jobId(), task.agentKey(),
                task.checkId(), task.commandInstanceId(), CheckCatalog.displayName(task.checkId()).orElse(task.checkId()),
                task.attempt(), status, passed, answer, explanation, payload, evidence, startedAt, endedAt, error,
                task.dataKeyRef());
    }
}
