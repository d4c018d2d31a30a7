package io.kycflow.monitoring;

import io.kycflow.common.command.RaiseMonitoringAlert;
import io.kycflow.common.monitoring.MonitoringAlert;
import io.kycflow.screening.load.LoadedList;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.Schema;
import io.kycflow.screening.match.Screener;
import io.kycflow.screening.monitor.FullRescreen;
import io.kycflow.screening.monitor.ListChange;
import io.kycflow.screening.monitor.MonitoredSubject;
import io.kycflow.screening.monitor.MonitoringMatch;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.kycflow.monitoring.Lists.person;
import static io.kycflow.monitoring.Lists.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A match becomes the alert command: the newer list version, the entry's hash, an id stable per entry state. */
class AlertProposalTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aMatchOnAnAddedEntryProposesAnAlertNamingTheNewerListVersion() {
        LoadedList older = snapshot("2021-06-29", "sha-1", person("1", "ALPHA, Anna", "SDGT"));
        LoadedList newer = snapshot("2024-07-02", "sha-2", person("1", "ALPHA, Anna", "SDGT"),
                person("7", "KHALILI, Reza", LocalDate.parse("1970-05-04")));
        ListChange change = ScreenedList.of(older).changeTo(newer);
        Query query = new Query(null, "Reza", null, "Khalili", "1970-05-04", null, null, Schema.PERSON);
        MonitoredPopulation.Subject subject = new MonitoredPopulation.Subject("acme/j1", "acme", "j1", "acme/j1#s1", query);
        List<MonitoringMatch> matches = new FullRescreen().screen(List.of(new MonitoredSubject("acme/j1", query)), change,
                Screener.of(List.of(newer)));
        assertEquals(1, matches.size(), matches.toString());

        RaiseMonitoringAlert command = AlertProposal.of(subject, matches.getFirst(), change, NOW);
        MonitoringAlert alert = command.alert();
        assertEquals("acme", command.tenantId());
        assertEquals("j1", command.jobId());
        assertEquals("acme/j1#s1", command.dataKeyRef());
        assertEquals(alert.alertId(), command.submissionId(), "a proposal sent twice is one alert");
        assertEquals("7", alert.entityId());
        assertEquals(MonitoringAlert.ADDED, alert.change());
        assertEquals("2024-07-02", alert.listVersion());
        assertEquals(LocalDate.parse("2024-07-02"), alert.listDate());
        assertEquals("sha-2", alert.listSha256());
        assertEquals(EntryDigest.of(newer.entities().get(1)), alert.entryHash());
        assertTrue(alert.rating().endsWith("_MATCH"));
        assertTrue(alert.explanation().contains("ofac_sdn"), alert.explanation());
        assertEquals(alert.alertId(), AlertProposal.of(subject, matches.getFirst(), change, NOW.plusSeconds(60)).alert().alertId(),
                "the same entry state alerts the same job under one id, whenever it is seen");

        LoadedList changedAgain = snapshot("2025-12-24", "sha-3", person("1", "ALPHA, Anna", "SDGT"),
                person("7", "KHALILI, Reza Ali", LocalDate.parse("1970-05-04")));
        ListChange modified = ScreenedList.of(newer).changeTo(changedAgain);
        List<MonitoringMatch> again = new FullRescreen().screen(List.of(new MonitoredSubject("acme/j1", query)), modified,
                Screener.of(List.of(changedAgain)));
        assertEquals(1, again.size());
        MonitoringAlert second = AlertProposal.of(subject, again.getFirst(), modified, NOW).alert();
        assertEquals(MonitoringAlert.MODIFIED, second.change());
        assertNotEquals(alert.alertId(), second.alertId(), "a changed entry is another alert");
    }
}
