package io.kycflow.common.command;

import io.kycflow.common.crypto.HasDataKey;
import io.kycflow.common.monitoring.MonitoringAlert;

import java.time.Instant;

/**
 * The monitoring service proposes an alert; the registry decides it against the job (still monitored, not
 * raised before, not a hit its analysts dismissed unless the entry changed, new or stronger than what the job
 * already shows) and, if it stands, adds it to the job and writes a {@code monitoring.alert} event.
 *
 * @param dataKeyRef the job's data key, which seals the alert's personal fields on this topic
 */
public record RaiseMonitoringAlert(int schemaVersion, String submissionId, String tenantId, String jobId,
                                   Instant issuedAt, MonitoringAlert alert, String dataKeyRef)
        implements JobCommand, HasDataKey {
}
