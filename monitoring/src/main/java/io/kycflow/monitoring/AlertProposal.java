package io.kycflow.monitoring;

import io.kycflow.common.command.JobCommand;
import io.kycflow.common.command.RaiseMonitoringAlert;
import io.kycflow.common.monitoring.MonitoringAlert;
import io.kycflow.screening.match.Hit;
import io.kycflow.screening.monitor.ListChange;
import io.kycflow.screening.monitor.MonitoringMatch;

import java.time.Instant;

/**
 * Turns a match of the change screening into the command that proposes the alert to the job registry, which
 * decides it against the job (see the registry's {@code MonitoringFold}). The alert names the list version that
 * raised it and the entry's content hash; its id, derived from both, is also the command's submission id, so a
 * proposal sent twice is one alert.
 */
final class AlertProposal {

    private AlertProposal() {
    }

    static RaiseMonitoringAlert of(MonitoredPopulation.Subject subject, MonitoringMatch match, ListChange change,
                                   Instant now) {
        Hit hit = match.hit();
        String entryHash = EntryDigest.of(hit.entity());
        String alertId = MonitoringAlert.idOf(subject.key(), hit.listId(), hit.entityId(), entryHash);
        MonitoringAlert alert = new MonitoringAlert(alertId, hit.listId(), change.after().version(), change.after().date(),
                change.after().sha256(), hit.entityId(), entryHash,
                match.change() == ListChange.ChangeKind.MODIFIED ? MonitoringAlert.MODIFIED : MonitoringAlert.ADDED,
                hit.rating().name(), Math.round(hit.score() * 1000) / 1000.0, hit.primaryName(), hit.matchedName(),
                hit.explanation() == null ? null : hit.explanation().describe(), now);
        return new RaiseMonitoringAlert(JobCommand.SCHEMA_VERSION, alertId, subject.tenantId(), subject.jobId(), now, alert,
                subject.dataKeyRef());
    }
}
