package io.kycflow.screening.monitor;

import io.kycflow.screening.match.Screener;
import io.kycflow.screening.match.SubjectIndex;
import io.kycflow.screening.model.SanctionedEntity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Screens the monitored population against the changed entries only: the subjects are indexed once
 * ({@link SubjectIndex}), and each added or modified entry looks up the subjects it may be, which are then
 * scored as a new job would score them. Same answers as {@link FullRescreen}, at the cost of the change
 * rather than of the population times the lists.
 *
 * <p>An instance keeps its index between calls: {@link #screen} brings it in line with the population it is
 * given (only new, changed or removed subjects cost index work), and {@link #put}/{@link #remove} keep it in
 * line as subscriptions come and go, for {@link #screenIndexed}. One caller at a time.
 */
public final class ChangeOnlyScreening implements ChangeScreening {
    private final SubjectIndex index = new SubjectIndex();

    @Override
    public List<MonitoringMatch> screen(Collection<MonitoredSubject> subjects, ListChange change, Screener current) {
        index.sync(subjects, MonitoredSubject::key, MonitoredSubject::query);
        return screenIndexed(change, current);
    }

    /** Screens the subjects already in the index (kept up to date with {@link #put} and {@link #remove}). */
    public List<MonitoringMatch> screenIndexed(ListChange change, Screener current) {
        List<SanctionedEntity> changed = Stream.concat(change.added().stream(), change.modified().stream()).toList();
        Map<String, ListChange.ChangeKind> kinds = new HashMap<>();
        change.added().forEach(e -> kinds.put(e.id(), ListChange.ChangeKind.ADDED));
        change.modified().forEach(e -> kinds.put(e.id(), ListChange.ChangeKind.MODIFIED));
        List<MonitoringMatch> matches = new ArrayList<>();
        for (SubjectIndex.SubjectHit found : index.screen(current, changed)) {
            if (found.hit().rating().isMatch() && found.hit().listId().equals(change.listId())) {
                matches.add(new MonitoringMatch(found.subjectKey(), found.hit(), kinds.get(found.hit().entityId())));
            }
        }
        return matches;
    }

    public void put(MonitoredSubject subject) {
        index.put(subject.key(), subject.query());
    }

    public boolean remove(String subjectKey) {
        return index.remove(subjectKey);
    }

    public SubjectIndex index() {
        return index;
    }
}
