package io.kycflow.monitoring;

import io.kycflow.screening.load.ListInfo;
import io.kycflow.screening.load.LoadedList;
import io.kycflow.screening.model.SanctionedEntity;
import io.kycflow.screening.monitor.ListChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The snapshot of one list that the monitored population was last screened against: its provenance and each
 * entry's {@link EntryDigest}, which is all a later diff needs (the entries themselves are in the newer
 * snapshot), so it is small enough to keep on disk and survive a restart.
 */
record ScreenedList(ListInfo info, Map<String, String> entryDigests) {

    ScreenedList {
        entryDigests = Map.copyOf(entryDigests);
    }

    static ScreenedList of(LoadedList list) {
        Map<String, String> digests = new HashMap<>();
        for (SanctionedEntity e : list.entities()) {
            digests.put(e.id(), EntryDigest.of(e));
        }
        return new ScreenedList(list.info(), digests);
    }

    /** Whether {@code list} is the very snapshot screened (same files): nothing to do. */
    boolean isSameSnapshot(LoadedList list) {
        return info.sha256() != null && info.sha256().equals(list.info().sha256());
    }

    /**
     * What changed from this snapshot to {@code newer}, as {@link ListChange#between} would find it with both
     * snapshots in memory: added ids, and ids whose content digest differs.
     */
    ListChange changeTo(LoadedList newer) {
        List<SanctionedEntity> added = new ArrayList<>();
        List<SanctionedEntity> modified = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SanctionedEntity e : newer.entities()) {
            seen.add(e.id());
            String before = entryDigests.get(e.id());
            if (before == null) {
                added.add(e);
            } else if (!before.equals(EntryDigest.of(e))) {
                modified.add(e);
            }
        }
        List<String> removed = entryDigests.keySet().stream().filter(id -> !seen.contains(id)).sorted().toList();
        return new ListChange(info, newer.info(), added, modified, removed);
    }
}
