package io.kycflow.monitoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static io.kycflow.monitoring.Lists.person;
import static io.kycflow.monitoring.Lists.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The snapshot screened survives a restart; a broken or missing file means a full re-screen, never a crash. */
class ScreenedListStoreTest {

    @TempDir
    Path dir;

    @Test
    void aSavedSnapshotLoadsBackWithItsProvenanceAndDigests() {
        ScreenedListStore store = new ScreenedListStore(dir);
        ScreenedList saved = ScreenedList.of(snapshot("2024-07-02", "sha-2", person("4", "DELTA, Dora", "SDGT")));
        store.save(saved);
        ScreenedList loaded = new ScreenedListStore(dir).load("ofac_sdn").orElseThrow();
        assertEquals(saved, loaded);
        assertEquals("2024-07-02", loaded.info().version());
        assertEquals(saved.entryDigests().get("4"), loaded.entryDigests().get("4"));
    }

    @Test
    void aMissingOrUnreadableFileIsNoSnapshot() throws Exception {
        ScreenedListStore store = new ScreenedListStore(dir);
        assertTrue(store.load("ofac_sdn").isEmpty());
        Files.writeString(dir.resolve("ofac_sdn.json"), "{not json");
        assertTrue(store.load("ofac_sdn").isEmpty());
    }

    @Test
    void eachPassComparesWithWhatWasLastSavedWithoutReadingTheFileAgain() throws Exception {
        ScreenedListStore store = new ScreenedListStore(dir);
        ScreenedList saved = ScreenedList.of(snapshot("2024-07-02", "sha-2", person("4", "DELTA, Dora", "SDGT")));
        store.save(saved);
        Files.writeString(dir.resolve("ofac_sdn.json"), "{not json"); // were it read again, it would be no snapshot
        assertEquals(Optional.of(saved), store.load("ofac_sdn"));
        assertTrue(new ScreenedListStore(dir).load("ofac_sdn").isEmpty(), "a new store (a restart) reads the file");
    }

    @Test
    void aListIdIsNeverAPath() {
        assertThrows(IllegalArgumentException.class, () -> new ScreenedListStore(dir).load("../etc/passwd"));
    }
}
