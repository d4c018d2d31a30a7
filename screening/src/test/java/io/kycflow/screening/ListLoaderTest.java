package io.kycflow.screening;

import io.kycflow.screening.load.ListInfo;
import io.kycflow.screening.load.ListLoader;
import io.kycflow.screening.load.ListRegistry;
import io.kycflow.screening.load.LoadReport;
import io.kycflow.screening.load.LoadedList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListLoaderTest {

    private static Map<String, ListInfo> infos(LoadReport report) {
        return report.loaded().stream().map(LoadedList::info).collect(Collectors.toMap(ListInfo::listId, i -> i));
    }

    @Test
    void loadsEveryListOfATreeAndPicksNewestCompleteSnapshot() throws Exception {
        LoadReport report = new ListLoader().load(Fixtures.dir());
        Map<String, ListInfo> lists = infos(report);
        assertEquals(java.util.Set.of("ofac_sdn", "ofac_consolidated", "un", "uk_ofsi", "uk_fcdo", "eu_fsf"), lists.keySet());
        ListInfo sdn = lists.get("ofac_sdn");
        assertTrue(sdn.folder().endsWith("2020-02-01"), sdn.folder());
        assertEquals("2020-02-01", sdn.version());
        assertEquals(4, sdn.recordCount());
        assertEquals(4, sdn.fileSha256().size());
        assertEquals(64, sdn.sha256().length());
        assertEquals("2026-02-27T00:00:09.554Z", lists.get("un").version());
        // the malformed folder is newer (mtime) but broken: reported, and the good snapshot serves
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("sdn.csv:2")), report.problems().toString());
        assertTrue(report.skipped().stream().anyMatch(s -> s.contains("2020-01-01")), report.skipped().toString());
    }

    @Test
    void incompleteSnapshotIsSkippedAndSymlinksFollowed(@TempDir Path tmp) throws Exception {
        Path old = Files.createDirectories(tmp.resolve("real/2020-01-01"));
        Files.copy(Fixtures.file("ofac_sdn/2020-02-01/sdn.csv"), old.resolve("sdn.csv"));
        Path newer = Files.createDirectories(tmp.resolve("real/2025-12-24"));
        Files.copy(Fixtures.file("ofac_sdn/2020-02-01/alt.csv"), newer.resolve("alt.csv"));
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        Files.createSymbolicLink(lists.resolve("ofac"), tmp.resolve("real"));
        LoadReport report = new ListLoader().load(lists);
        assertEquals(1, report.loaded().size());
        assertTrue(report.loaded().get(0).info().folder().endsWith("2020-01-01"));
        assertTrue(report.skipped().stream().anyMatch(s -> s.contains("incomplete")), report.skipped().toString());
    }

    @Test
    void malformedRefreshNeverReplacesTheListInService(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("un"));
        Files.copy(Fixtures.file("un/consolidated.xml"), dir.resolve("consolidated.xml"));
        ListRegistry registry = new ListRegistry();
        registry.refresh(tmp);
        ListRegistry.Snapshot good = registry.current().orElseThrow();
        assertEquals(2, good.lists().get("un").info().recordCount());

        Files.writeString(dir.resolve("consolidated.xml"), "<CONSOLIDATED_LIST dateGenerated=\"x\">\n<INDIVIDUALS><INDIVIDUAL>\n");
        LoadReport report = registry.refresh(tmp);
        assertEquals(1, report.problems().size());
        assertTrue(report.problems().get(0).contains("consolidated.xml:"), report.problems().toString());
        assertTrue(registry.current().orElseThrow() == good, "the good snapshot stays in service");
    }
}
