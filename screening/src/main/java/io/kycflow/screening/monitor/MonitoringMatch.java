package io.kycflow.screening.monitor;

import io.kycflow.screening.match.Hit;

/** A monitored subject that an added or modified list entry now matches (PARTIAL or STRONG). */
public record MonitoringMatch(String subjectKey, Hit hit, ListChange.ChangeKind change) {
}
