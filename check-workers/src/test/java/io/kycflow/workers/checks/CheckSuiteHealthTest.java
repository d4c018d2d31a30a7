package io.kycflow.workers.checks;

import io.kycflow.common.agent.CheckCatalog;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.health.HealthContributor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What health says about each check: the sanctions check is ready only with lists in service, not stale. */
class CheckSuiteHealthTest {

    @TempDir
    Path data;

    @Test
    void sanctionsCheckWithAnEmptyListsFolderIsNotReadyForWantOfLists() throws Exception {
        Path empty = java.nio.file.Files.createDirectory(data.resolve("lists"));
        try (CheckSuite suite = suite(empty, "0", Clock.systemUTC())) {
            Optional<String> reason = sanctions(suite).notReadyReason();
            assertTrue(reason.orElseThrow().startsWith("lists_unavailable: No sanctions list is loaded"),
                    reason.orElseThrow());
        }
    }

    @Test
    void sanctionsCheckWithTheFixtureListsAndNoAgeLimitIsReadyAndIdentityAlwaysIs() throws Exception {
        try (CheckSuite suite = suite(fixtureLists(), "0", Clock.systemUTC())) {
            List<HealthContributor> health = suite.healthContributors();
            assertEquals(List.of(CheckCatalog.IDENTITY_DATA_VALIDATION, CheckCatalog.SANCTIONS_SCREENING),
                    health.stream().map(HealthContributor::name).toList());
            health.forEach(c -> assertEquals(Optional.empty(), c.notReadyReason(), c.name()));
        }
    }

    @Test
    void staleListsNameTheListAndItsDate() throws Exception {
        Clock later = Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC);
        try (CheckSuite suite = suite(fixtureLists(), "7d", later)) {
            String reason = sanctions(suite).notReadyReason().orElseThrow();
            assertTrue(reason.startsWith("lists_stale: The sanctions list ofac_sdn"), reason);
            assertTrue(reason.contains("2026-03-01"), reason);
        }
    }

    @Test
    void pepCheckIsReadyWithPepListsOnlyAndNotWithSanctionsListsAlone() throws Exception {
        Path sanctionsOnly = fixtureLists();
        Path peps = Path.of(Objects.requireNonNull(CheckSuiteHealthTest.class.getResource("/pep/lists")).toURI());
        for (Path lists : List.of(sanctionsOnly, peps)) {
            KycflowConfig config = KycflowConfig.from(Map.of("KYCFLOW_LISTS_DOWNLOAD", "off", "KYCFLOW_DATA_DIR", data.toString(),
                    "KYCFLOW_LISTS_DIR", lists.toString(), "KYCFLOW_LISTS_MAX_AGE", "0"));
            try (CheckSuite suite = CheckSuite.create(List.of(CheckCatalog.PEP_SCREENING), config, Clock.systemUTC())) {
                Optional<String> reason = suite.healthContributors().get(0).notReadyReason();
                if (lists == peps) {
                    assertEquals(Optional.empty(), reason);
                } else {
                    assertTrue(reason.orElseThrow().startsWith("lists_unavailable: No PEP list is loaded"), reason.toString());
                }
            }
        }
    }

    private CheckSuite suite(Path lists, String maxAge, Clock clock) {
        KycflowConfig config = KycflowConfig.from(Map.of("KYCFLOW_LISTS_DOWNLOAD", "off", "KYCFLOW_DATA_DIR", data.toString(),
                "KYCFLOW_LISTS_DIR", lists.toString(), "KYCFLOW_LISTS_MAX_AGE", maxAge));
        return CheckSuite.create(List.of(CheckCatalog.IDENTITY_DATA_VALIDATION, CheckCatalog.SANCTIONS_SCREENING),
                config, clock);
    }

    private static HealthContributor sanctions(CheckSuite suite) {
        return suite.healthContributors().stream()
                .filter(c -> c.name().equals(CheckCatalog.SANCTIONS_SCREENING)).findFirst().orElseThrow();
    }

    private static Path fixtureLists() throws Exception {
        return Path.of(Objects.requireNonNull(CheckSuiteHealthTest.class.getResource("/sanctions/lists")).toURI());
    }
}
