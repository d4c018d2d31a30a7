package io.kycflow.screening;

import io.kycflow.screening.load.ListInfo;
import io.kycflow.screening.load.LoadReport;
import io.kycflow.screening.load.LoadedList;
import io.kycflow.screening.match.Hit;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.model.SanctionedEntity;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parsers and loader on the real published files; skipped when ../shared/data is absent. */
class RealListsTest {

    @Test
    void loadsTheRealListsWithTheirProvenance() {
        LoadReport report = RealLists.report();
        Map<String, LoadedList> lists = report.loaded().stream()
                .collect(Collectors.toMap(l -> l.info().listId(), l -> l));
        System.out.println("loaded in " + RealLists.loadMillis + " ms: ");
        lists.values().forEach(l -> System.out.println("  " + l.info()));
        report.skipped().forEach(s -> System.out.println("  skipped " + s));
        assertTrue(report.problems().isEmpty(), report.problems().toString());
        ListInfo sdn = lists.get("ofac_sdn").info();
        assertTrue(sdn.folder().endsWith("2024-07-02"), "newest complete SDN snapshot: " + sdn.folder());
        assertEquals(15_443, sdn.recordCount());
        assertEquals(442, lists.get("ofac_consolidated").info().recordCount());
        assertEquals(1_003, lists.get("un").info().recordCount());
        assertEquals("2026-02-27T00:00:09.554Z", lists.get("un").info().version());
        assertEquals(4_686, lists.get("uk_ofsi").info().recordCount());
        assertTrue(report.skipped().stream().anyMatch(s -> s.contains("2025-12-24") && s.contains("incomplete")));

        SanctionedEntity putin = lists.get("ofac_sdn").entities().stream().filter(e -> e.id().equals("35096"))
                .findFirst().orElseThrow();
        assertEquals("PUTIN, Vladimir Vladimirovich", putin.primaryName());
        assertTrue(putin.birthDates().stream().anyMatch(d -> d.fromYear() == 1952));
        long unWithDob = lists.get("un").entities().stream().filter(e -> !e.birthDates().isEmpty()).count();
        assertTrue(unWithDob > 600, "UN birth dates parsed: " + unWithDob);
    }

    @Test
    void screensTheRealLists() {
        Hit putin = RealLists.screener().screen(Query.person("Vladimir Putin").withDateOfBirth("1952")).hits().get(0);
        assertTrue(putin.rating().isMatch(), putin.explanation().describe());
        System.out.println(putin.explanation().describe());
        Hit ubl = RealLists.screener().screen(Query.person("Osama bin Laden")).hits().get(0);
        System.out.println(ubl.explanation().describe());
        Hit cyrillic = RealLists.screener().screen(Query.person("Путин Владимир")).hits().get(0);
        assertTrue(cyrillic.primaryName().toUpperCase().contains("PUTIN"), cyrillic.explanation().describe());
    }
}
