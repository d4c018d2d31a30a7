package io.kycflow.screening.monitor;

import io.kycflow.screening.load.ListInfo;
import io.kycflow.screening.load.LoadedList;
import io.kycflow.screening.model.SanctionedEntity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What changed in one list between two snapshots: the entries a monitored population is screened against.
 * Removed entries raise nothing (a delisting is not a new risk), but they are kept for the record.
 *
 * @param before   the older snapshot's provenance, null when the list is new
 * @param after    the newer snapshot's provenance: the list version an alert names
 * @param added    entries whose id the older snapshot did not have
 * @param modified entries whose id both have, with different content (names, dates, programmes…)
 */
public record ListChange(ListInfo before, ListInfo after, List<SanctionedEntity> added,
                         List<SanctionedEntity> modified, List<String> removedIds) {

    public ListChange {
        added = List.copyOf(added);
        modified = List.copyOf(modified);
        removedIds = List.copyOf(removedIds);
    }

    /** The change from one snapshot of a list to the next; {@code before} null means every entry is new. */
    public static ListChange between(LoadedList before, LoadedList after) {
        Map<String, SanctionedEntity> old = new HashMap<>();
        if (before != null) {
            before.entities().forEach(e -> old.put(e.id(), e));
        }
        List<SanctionedEntity> added = new ArrayList<>();
        List<SanctionedEntity> modified = new ArrayList<>();
        for (SanctionedEntity e : after.entities()) {
            SanctionedEntity was = old.remove(e.id());
            if (was == null) {
                added.add(e);
            } else if (!was.equals(e)) {
                modified.add(e);
            }
        }
        return new ListChange(before == null ? null : before.info(), after.info(), added, modified,
                List.copyOf(old.keySet()));
    }

    public String listId() {
        return after.listId();
    }

    public boolean isEmpty() {
        return added.isEmpty() && modified.isEmpty();
    }

    /** The ids of the entries that can raise an alert: added or modified. */
    public Set<String> changedIds() {
        return java.util.stream.Stream.concat(added.stream(), modified.stream()).map(SanctionedEntity::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** How an entry that raised an alert changed. */
    public ChangeKind kindOf(String entityId) {
        return added.stream().anyMatch(e -> e.id().equals(entityId)) ? ChangeKind.ADDED : ChangeKind.MODIFIED;
    }

    public enum ChangeKind { ADDED, MODIFIED }
}
