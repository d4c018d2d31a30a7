package io.kycflow.common.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A job's ongoing monitoring: whether its subject is re-screened when the lists change, since when, and the
 * alerts raised so far (oldest first). Kept on the job because the registry, the single writer of jobs,
 * decides each alert against the job's own hits and its analysts' dismissals.
 */
public record JobMonitoring(boolean active, Instant since, Instant endedAt, List<MonitoringAlert> alerts) {

    public static final JobMonitoring NONE = new JobMonitoring(false, null, null, List.of());

    public JobMonitoring {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    public JobMonitoring start(Instant at) {
        return active ? this : new JobMonitoring(true, at, null, alerts);
    }

    public JobMonitoring stop(Instant at) {
        return active ? new JobMonitoring(false, since, at, alerts) : this;
    }

    public JobMonitoring withAlert(MonitoringAlert alert) {
        List<MonitoringAlert> next = new ArrayList<>(alerts);
        next.add(alert);
        return new JobMonitoring(active, since, endedAt, next);
    }

    public boolean hasAlert(String alertId) {
        return alerts.stream().anyMatch(a -> a.alertId().equals(alertId));
    }

    public Optional<MonitoringAlert> latestAlert() {
        return alerts.isEmpty() ? Optional.empty() : Optional.of(alerts.get(alerts.size() - 1));
    }

    public JobMonitoring withoutPersonalData() {
        return new JobMonitoring(active, since, endedAt, alerts.stream().map(MonitoringAlert::withoutPersonalData).toList());
    }
}
