package io.kycflow.workers.checks.sanctions;

import io.kycflow.screening.load.ListInfo;
import io.kycflow.screening.load.ListRegistry;
import io.kycflow.screening.load.ListPurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SanctionsListsRefresherTest {

    @Test
    void loadsAtStartAndKeepsTheGoodListWhenItsReplacementIsMalformed(@TempDir Path dir) throws Exception {
        copyTree(SanctionsScreeningCheckTest.fixtureLists(), dir);
        ListRegistry registry = new ListRegistry();
        try (SanctionsListsRefresher refresher = new SanctionsListsRefresher(registry, dir, Duration.ZERO).start()) {
            assertTrue(registry.current().isPresent());
            ListInfo before = sdn(registry);

            // A newer snapshot whose sdn.csv breaks off mid-record.
            Path newer = Files.createDirectories(dir.resolve("ofac_sdn/2026-03-04"));
            Files.writeString(newer.resolve("sdn.csv"), "2001,\"DOE, John\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,"
                    + "-0- ,-0- ,-0- ,-0- \r\n2002,\"BROKEN ROW\",\"individual\"\r\n");

            assertTrue(refresher.refreshNow());
            assertEquals(before.sha256(), sdn(registry).sha256());
            assertEquals(before.version(), sdn(registry).version());
        }
    }

    @Test
    void missingDirectoryLeavesNoListInService(@TempDir Path dir) {
        ListRegistry registry = new ListRegistry();
        try (SanctionsListsRefresher refresher = new SanctionsListsRefresher(registry, dir.resolve("absent"), Duration.ZERO)) {
            assertFalse(refresher.start().refreshNow());
            assertFalse(refresher.inService());
            assertEquals("lists_unavailable", new SanctionsScreeningCheck(registry, Duration.ZERO,
                    java.time.Clock.systemUTC()).unavailability().orElseThrow().code());
        }
    }

    @Test
    void oneReadFeedsTheSanctionsAndThePepRegistry(@TempDir Path dir) throws Exception {
        copyTree(SanctionsScreeningCheckTest.fixtureLists(), dir);
        copyTree(Path.of(java.util.Objects.requireNonNull(getClass().getResource("/pep/lists")).toURI()), dir);
        ListRegistry sanctions = new ListRegistry(ListPurpose.SANCTIONS);
        ListRegistry peps = new ListRegistry(ListPurpose.PEP);
        try (SanctionsListsRefresher reader = new SanctionsListsRefresher(List.of(sanctions, peps), dir, Duration.ZERO)
                .start()) {
            assertTrue(reader.inService());
            // The FtM dataset holds sanctioned entities and PEPs: each registry takes its purpose's part of it.
            assertEquals(java.util.Set.of("ofac_sdn", "un", "ftm:peps"), sanctions.current().orElseThrow().lists().keySet());
            assertEquals(java.util.Set.of("ftm:peps", "us_congress"), peps.current().orElseThrow().lists().keySet(),
                    "the PEP registry takes no sanctions-only list");
        }
    }

    private static ListInfo sdn(ListRegistry registry) {
        return registry.current().orElseThrow().lists().get("ofac_sdn").info();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
