package io.kycflow.screening.monitor;

import io.kycflow.screening.match.Hit;
import io.kycflow.screening.match.Screener;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The fallback and the reference: every subject screened against the whole current lists, keeping the hits
 * on changed entries. Its cost grows with the population times the lists, which is why the change-only
 * screening exists; its answers are what that one must reproduce.
 */
public final class FullRescreen implements ChangeScreening {

    @Override
    public List<MonitoringMatch> screen(Collection<MonitoredSubject> subjects, ListChange change, Screener current) {
        Set<String> changed = change.changedIds();
        List<MonitoringMatch> matches = new ArrayList<>();
        if (changed.isEmpty()) {
            return matches;
        }
        for (MonitoredSubject subject : subjects) {
            // Uncapped: a hit on a changed entry may rank below ten hits on unchanged ones.
            for (Hit hit : current.screen(subject.query(), Integer.MAX_VALUE).hits()) {
                if (hit.rating().isMatch() && hit.listId().equals(change.listId()) && changed.contains(hit.entityId())) {
                    matches.add(new MonitoringMatch(subject.key(), hit, change.kindOf(hit.entityId())));
                }
            }
        }
        return matches;
    }
}
