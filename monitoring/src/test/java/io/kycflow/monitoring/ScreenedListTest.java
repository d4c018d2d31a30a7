package io.kycflow.monitoring;

import io.kycflow.screening.load.LoadedList;
import io.kycflow.screening.model.SanctionedEntity;
import io.kycflow.screening.monitor.ListChange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kycflow.monitoring.Lists.person;
import static io.kycflow.monitoring.Lists.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The snapshot kept between passes finds the same change as diffing both snapshots in memory. */
class ScreenedListTest {

    private final LoadedList older = snapshot("2021-06-29", "sha-1", person("1", "ALPHA, Anna", "SDGT"),
            person("2", "BRAVO, Ben", "SDGT"), person("3", "CHARLIE, Carl", "IRAN"));
    private final LoadedList newer = snapshot("2024-07-02", "sha-2", person("1", "ALPHA, Anna", "SDGT"),
            person("2", "BRAVO, Ben", "RUSSIA-EO14024"), person("4", "DELTA, Dora", "SDGT"));

    @Test
    void theChangeFromTheKeptSnapshotIsTheChangeBetweenBothSnapshots() {
        ListChange kept = ScreenedList.of(older).changeTo(newer);
        ListChange inMemory = ListChange.between(older, newer);
        assertEquals(ids(inMemory.added()), ids(kept.added()));
        assertEquals(ids(inMemory.modified()), ids(kept.modified()));
        assertEquals(List.of("4"), ids(kept.added()));
        assertEquals(List.of("2"), ids(kept.modified()), "a changed programme is a changed entry");
        assertEquals(List.of("3"), kept.removedIds());
        assertEquals("2021-06-29", kept.before().version());
        assertEquals("2024-07-02", kept.after().version(), "the version an alert names");
    }

    @Test
    void theSameFilesAreTheSameSnapshotAndAnUnchangedListChangesNothing() {
        ScreenedList kept = ScreenedList.of(older);
        assertTrue(kept.isSameSnapshot(older));
        assertFalse(kept.isSameSnapshot(newer));
        LoadedList reread = snapshot("2021-06-29", "sha-1b", older.entities().toArray(SanctionedEntity[]::new));
        assertTrue(kept.changeTo(reread).isEmpty(), "re-read files with the same entries: nothing to screen");
    }

    @Test
    void anEntrysDigestFollowsItsContent() {
        assertEquals(EntryDigest.of(person("2", "BRAVO, Ben", "SDGT")), EntryDigest.of(person("2", "BRAVO, Ben", "SDGT")));
        assertNotEquals(EntryDigest.of(person("2", "BRAVO, Ben", "SDGT")), EntryDigest.of(person("2", "BRAVO, Benjamin", "SDGT")));
        assertEquals(32, EntryDigest.of(person("2", "BRAVO, Ben", "SDGT")).length());
    }

    private static List<String> ids(List<SanctionedEntity> entities) {
        return entities.stream().map(SanctionedEntity::id).sorted().toList();
    }
}
