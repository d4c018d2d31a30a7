package io.kycflow.screening.monitor;

import io.kycflow.screening.match.Screener;

import java.util.Collection;
import java.util.List;

/**
 * Screens a monitored population against one list change. {@code current} is the screener over the newer
 * snapshots: its token weights and tuning are the ones onboarding uses, so an alert scores a pair exactly
 * as a new job would.
 */
public interface ChangeScreening {

    List<MonitoringMatch> screen(Collection<MonitoredSubject> subjects, ListChange change, Screener current);
}
