package io.kycflow.monitoring;

import io.kycflow.common.crypto.MasterKeys;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.topic.TopicProvisioner;
import io.kycflow.common.topic.Topics;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import io.kycflow.screening.load.ListPurpose;
import io.kycflow.screening.load.ListRegistry;
import io.kycflow.screening.monitor.FullRescreen;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service on a real broker and the real OFAC SDN 2021-06-29 snapshot (from ../shared, skipped without it):
 * the first pass re-screens in full and keeps the snapshot; a restart on the same state directory screens nothing
 * again; a newer snapshot is screened as a change from the kept one.
 */
@ExtendWith(SharedKafka.class)
class MonitoringServiceTest {

    private static final MasterKeys MASTER_KEYS = MasterKeys.parse(Base64.getEncoder().encodeToString(new byte[32]));

    /** The shared OFAC SDN snapshots' folder, its 2021 snapshot copied into {@code lists}; skips without them. */
    private static Path olderSdnSnapshotIn(Path lists) throws IOException {
        Path sdn = sharedData().resolve("sanctions/ofac_sdn");
        Assumptions.assumeTrue(Files.isDirectory(sdn.resolve("2021-06-29")) && Files.isDirectory(sdn.resolve("2024-07-02")),
                "../shared/data/sanctions/ofac_sdn absent: skipping");
        copy(sdn.resolve("2021-06-29"), lists.resolve("ofac_sdn/2021-06-29"));
        return sdn;
    }

    private static KafkaClientSettings topicsOn(EmbeddedKafkaBroker broker) {
        KafkaClientSettings kafka = new KafkaClientSettings(broker.bootstrapServers());
        try (Admin admin = Admin.create(kafka.admin("monitoring-test"))) {
            new TopicProvisioner(admin, 3, Optional.of((short) 1)).ensure(Topics.all(List.of()));
        }
        return kafka;
    }

    @Test
    void theSnapshotScreenedSurvivesARestartAndANewerOneIsAChange(EmbeddedKafkaBroker broker, @TempDir Path lists,
                                                                  @TempDir Path state) throws Exception {
        Path sdn = olderSdnSnapshotIn(lists);
        KafkaClientSettings kafka = topicsOn(broker);

        try (MonitoringService first = service(kafka, MASTER_KEYS, lists, state)) {
            PassReport report = first.refreshNow().get(2, TimeUnit.MINUTES);
            assertEquals(1, report.lists().size(), report.toString());
            assertTrue(report.lists().getFirst().fullRescreen(), "nothing kept yet: the whole list is new");
            assertTrue(first.refreshNow().get(2, TimeUnit.MINUTES).lists().isEmpty(), "the same snapshot is screened once");
        }
        assertTrue(Files.isRegularFile(state.resolve("lists/ofac_sdn.json")));

        try (MonitoringService restarted = service(kafka, MASTER_KEYS, lists, state)) {
            assertTrue(restarted.refreshNow().get(2, TimeUnit.MINUTES).lists().isEmpty(),
                    "after a restart the kept snapshot is the one in the directory: nothing to screen");
            copy(sdn.resolve("2024-07-02"), lists.resolve("ofac_sdn/2024-07-02"));
            PassReport changed = restarted.refreshNow().get(2, TimeUnit.MINUTES);
            PassReport.ListPass ofac = changed.lists().getFirst();
            assertEquals("ofac_sdn", ofac.listId());
            assertTrue(!ofac.fullRescreen() && ofac.added() > 0 && ofac.modified() > 0 && ofac.removed() > 0, ofac.toString());
            assertEquals(0, ofac.proposedAlerts(), "no one is monitored");
            assertTrue(restarted.isRunning());
        }
    }

    @Test
    void sharedRegistriesAreScreenedAsTheirOwnerFeedsThem(EmbeddedKafkaBroker broker, @TempDir Path lists,
                                                          @TempDir Path state) throws Exception {
        Path sdn = olderSdnSnapshotIn(lists);
        KafkaClientSettings kafka = topicsOn(broker);
        // The owner (the check workers, in the all-in-one) reads the folder; the service only screens.
        ListRegistry sanctions = new ListRegistry(ListPurpose.SANCTIONS);
        ListRegistry peps = new ListRegistry(ListPurpose.PEP);
        sanctions.refresh(lists);
        peps.refresh(lists);

        try (MonitoringService shared = new MonitoringService(kafka, MASTER_KEYS, List.of(sanctions, peps), state,
                Duration.ofHours(1), new FullRescreen(), Clock.systemUTC()).start()) {
            assertEquals(1, shared.refreshNow().get(2, TimeUnit.MINUTES).lists().size());
            copy(sdn.resolve("2024-07-02"), lists.resolve("ofac_sdn/2024-07-02"));
            assertTrue(shared.refreshNow().get(2, TimeUnit.MINUTES).lists().isEmpty(),
                    "a new file the owner has not read yet is not the service's to read");
            sanctions.refresh(lists);
            PassReport.ListPass ofac = shared.refreshNow().get(2, TimeUnit.MINUTES).lists().getFirst();
            assertTrue(!ofac.fullRescreen() && ofac.added() > 0, ofac.toString());
        }
    }

    private static MonitoringService service(KafkaClientSettings kafka, MasterKeys keys, Path lists, Path state) {
        return new MonitoringService(kafka, keys, lists, state, Duration.ofHours(1), new FullRescreen(), Clock.systemUTC())
                .start();
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private static Path sharedData() {
        for (Path candidate : new Path[]{Path.of("../shared"), Path.of("../../shared")}) {
            if (Files.isDirectory(candidate.resolve("data"))) {
                return candidate.resolve("data").toAbsolutePath().normalize();
            }
        }
        return Path.of("../shared/data");
    }
}
