package io.kycflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.crypto.MasterKeys;
import io.kycflow.common.json.Json;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.net.OutboundUrlGuard;
import io.kycflow.ingest.ApiClient;
import io.kycflow.ingest.RunningApi;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import io.kycflow.monitoring.MonitoringService;
import io.kycflow.monitoring.PassReport;
import io.kycflow.notifier.DeliveryPolicy;
import io.kycflow.notifier.NotifierService;
import io.kycflow.notifier.WebhookSecrets;
import io.kycflow.notifier.WebhookSignature;
import io.kycflow.screening.load.ListLoader;
import io.kycflow.screening.load.LoadedList;
import io.kycflow.screening.match.Hit;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.Schema;
import io.kycflow.screening.match.Screener;
import io.kycflow.screening.model.BirthDate;
import io.kycflow.screening.model.EntityType;
import io.kycflow.screening.model.SanctionedEntity;
import io.kycflow.screening.monitor.ChangeOnlyScreening;
import io.kycflow.screening.monitor.ListChange;
import io.kycflow.workers.CheckWorkersService;
import io.kycflow.workers.checks.CheckSuite;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ongoing monitoring end to end on the embedded broker, with the real OFAC SDN snapshots of 2021-06-29 and
 * 2024-07-02 (copied from ../shared at test time; skipped without it): three people added to the list between
 * the two are onboarded against 2021 (no hit). One is monitored, one is not, one is monitored and then deleted.
 * When the lists directory gains the 2024 snapshot, exactly one signed {@code monitoring.alert} reaches the monitored
 * job's webhook (and its Slack), naming the list version; a second refresh raises nothing; the others hear nothing;
 * an alert the analyst dismissed is not raised again even by a full re-screen after the monitoring state is lost,
 * unless the list entry itself changes.
 */
@ExtendWith(SharedKafka.class)
class MonitoringEndToEndTest {

    private static final String SECRET = "acme-webhook-secret-for-monitoring";
    private static final String SANCTIONS = "kyc.sanctions_screening_check_v2";
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** How long "nothing more arrives" is watched: the notifier delivers an alert within a second or two. */
    private static final Duration QUIET = Duration.ofSeconds(6);

    /** A person of the 2024 list who is not on the 2021 one, with the query that finds them. */
    record Listed(SanctionedEntity entity, String first, String last, String dob) {
    }

    @Test
    void aListChangeAlertsTheMonitoredJobExactlyOnce(EmbeddedKafkaBroker broker, @TempDir Path data,
                                                     @TempDir Path lists) throws Exception {
        Path sdn = sharedData().resolve("sanctions/ofac_sdn");
        Path older = sdn.resolve("2021-06-29");
        Path newer = sdn.resolve("2024-07-02");
        Assumptions.assumeTrue(Files.isDirectory(older) && Files.isDirectory(newer),
                "../shared/data/sanctions/ofac_sdn 2021-06-29 and 2024-07-02 absent: skipping");
        List<Listed> people = addedBetween(older, newer, 3);
        Listed monitored = people.get(0);
        Listed unmonitored = people.get(1);
        Listed deleted = people.get(2);
        copy(older, lists.resolve("ofac_sdn/2021-06-29"));

        String bootstrap = broker.bootstrapServers();
        KycflowConfig config = KycflowConfig.from(Map.of("KYCFLOW_LISTS_DOWNLOAD", "off",
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "KYCFLOW_DATA_DIR", data.toString(),
                "KYCFLOW_LISTS_DIR", lists.toString(),
                "KYCFLOW_LISTS_MAX_AGE", "0",
                "KYCFLOW_SLACK_WEBHOOK_HOSTS", "127.0.0.1",
                "KYCFLOW_MASTER_KEY", RunningApi.TEST_MASTER_KEY));
        KafkaClientSettings kafka = new KafkaClientSettings(bootstrap);
        MasterKeys masterKeys = MasterKeys.of(config.masterKey(), config.dataDir());
        Path monitoringState = data.resolve("monitoring");
        try (WebhookReceiver receiver = new WebhookReceiver();
             RunningApi api = RunningApi.start(bootstrap, data, "monitoring-api",
                     Map.of("KYCFLOW_OUTBOUND_ALLOWLIST", "127.0.0.1", "KYCFLOW_SLACK_WEBHOOK_HOSTS", "127.0.0.1"));
             CheckSuite suite = CheckSuite.create(List.of(SANCTIONS), config, Clock.systemUTC());
             CheckWorkersService workers = new CheckWorkersService(kafka, masterKeys, suite.checks(), 4, "monitoring").start();
             NotifierService notifier = new NotifierService(config, kafka, WebhookSecrets.of(Map.of("acme", SECRET)),
                     OutboundUrlGuard.withAllowlist(List.of("127.0.0.1")), NotifierService.defaultHttpClient(),
                     Clock.systemUTC(), DeliveryPolicy.DEFAULT, new SimpleMeterRegistry()).start()) {
            ApiClient client = new ApiClient(api.baseUrl(), RunningApi.ACME_KEY.token());
            String jobA = "mon-a-" + UUID.randomUUID();
            String jobB = "mon-b-" + UUID.randomUUID();
            String jobC = "mon-c-" + UUID.randomUUID();
            assertEquals(200, client.post("/api/v1/startKYCAgentJob", body(jobA, monitored, receiver, "a", true)).status());
            assertEquals(200, client.post("/api/v1/startKYCAgentJob", body(jobB, unmonitored, receiver, "b", false)).status());
            assertEquals(200, client.post("/api/v1/startKYCAgentJob", body(jobC, deleted, receiver, "c", true)).status());
            for (String hook : List.of("a", "b", "c")) {
                JsonNode done = Json.mapper().readTree(receiver.next("/hooks/" + hook, WAIT).body());
                assertEquals("complete", done.get("status").asText(), done.toString());
                receiver.next("/slack/" + hook, WAIT);
            }
            assertEquals(400, client.post("/api/v1/monitoring/subscribe", "{\"job_id\": 7}").status());
            assertEquals(404, client.post("/api/v1/monitoring/subscribe", "{\"job_id\": \"no-such-job\"}").status());
            assertEquals(404, client.as(RunningApi.GLOBEX_KEY.token())
                    .post("/api/v1/monitoring/subscribe", "{\"job_id\": \"" + jobA + "\"}").status(), "another tenant's job");
            assertEquals(200, client.post("/api/v1/deleteJob", "{\"job_id\": \"" + jobC + "\"}").status());
            JsonNode subjects = client.get("/api/v1/monitoring/subjects").body();
            assertEquals(List.of(jobA), jobIds(subjects.get("subjects")), subjects.toString());

            MonitoringService monitoring = new MonitoringService(kafka, masterKeys, lists, monitoringState, Duration.ofHours(1),
                    new ChangeOnlyScreening(), Clock.systemUTC()).start();
            try {
                // The service's first pass knows no snapshot: it screens 2021 in full (nobody is on it) and keeps it.
                monitoring.refreshNow().get(2, TimeUnit.MINUTES);
                assertEquals(1, monitoring.monitoredSubjects(), "the deleted job's subject is gone, the unmonitored one never came");

                copy(newer, lists.resolve("ofac_sdn/2024-07-02"));
                PassReport changed = monitoring.refreshNow().get(2, TimeUnit.MINUTES);
                PassReport.ListPass ofac = changed.lists().stream().filter(l -> l.listId().equals("ofac_sdn")).findFirst()
                        .orElseThrow(() -> new AssertionError(changed.toString()));
                assertFalse(ofac.fullRescreen(), "screened against the change from the 2021 snapshot");
                assertTrue(ofac.added() > 0, ofac.toString());
                assertEquals(1, ofac.proposedAlerts(), ofac.toString());

                WebhookReceiver.Received delivered = receiver.next("/hooks/a", WAIT);
                assertTrue(WebhookSignature.verify(delivered.headers().get("x-kycflow-signature"), delivered.bodyBytes(),
                        SECRET, Instant.now()).valid(), "signed like every event");
                JsonNode event = Json.mapper().readTree(delivered.body());
                assertEquals("monitoring.alert", event.get("event_type").asText());
                assertEquals(jobA, event.get("id").asText());
                JsonNode alert = event.get("alert");
                assertEquals(jobA, alert.get("job_id").asText());
                assertEquals("case-" + jobA, alert.get("case_id").asText());
                assertEquals(monitored.entity().id(), alert.get("entity_id").asText(), alert.toString());
                assertEquals("ofac_sdn", alert.get("list_id").asText());
                assertEquals("2024-07-02", alert.get("list_date").asText(), alert.toString());
                assertFalse(alert.get("list_version").asText().isEmpty());
                assertEquals("added", alert.get("change").asText());
                assertTrue(alert.get("explanation").asText().contains("ofac_sdn"), alert.toString());
                WebhookReceiver.Received slack = receiver.next("/slack/a", WAIT);
                assertTrue(slack.body().contains("Monitoring alert"), slack.body());

                PassReport again = monitoring.refreshNow().get(2, TimeUnit.MINUTES);
                assertTrue(again.lists().isEmpty(), "the same snapshot is not screened twice: " + again);
                assertNothingMore(receiver, List.of("/hooks/a", "/hooks/b", "/hooks/c", "/slack/a", "/slack/b", "/slack/c"));

                JsonNode alerts = client.get("/api/v1/monitoring/alerts?case_id=case-" + jobA).body();
                assertEquals(1, alerts.get("count").asInt(), alerts.toString());
                assertEquals(0, client.get("/api/v1/monitoring/alerts?case_id=case-" + jobB).body().get("count").asInt());
                assertEquals(400, client.get("/api/v1/monitoring/alerts").status());
                assertEquals(1, client.get("/api/v1/getJobById?job_id=" + jobA).body().at("/monitoring/alerts").size());

                // The analyst dismisses the alert as a false positive.
                ObjectNode review = Json.mapper().createObjectNode().put("job_id", jobA).put("check_id", "kyc.monitoring")
                        .put("hit_id", monitored.entity().id()).put("verdict", "false_positive").put("reason", "Another person.");
                assertEquals(200, client.post("/api/v1/reviewHit", review.toString()).status());
            } finally {
                monitoring.close();
            }

            // The monitoring state is lost: a new service re-screens in full and proposes the alert again, which the
            // registry does not raise (dismissed, and already raised for this entry state).
            deleteTree(monitoringState);
            try (MonitoringService restarted = new MonitoringService(kafka, masterKeys, lists, monitoringState,
                    Duration.ofHours(1), new ChangeOnlyScreening(), Clock.systemUTC()).start()) {
                PassReport full = restarted.refreshNow().get(2, TimeUnit.MINUTES);
                assertTrue(full.lists().stream().anyMatch(PassReport.ListPass::fullRescreen), full.toString());
                assertTrue(full.proposedAlerts() >= 1, full.toString());
                assertNothingMore(receiver, List.of("/hooks/a", "/slack/a"));
                assertEquals(1, client.get("/api/v1/getJobById?job_id=" + jobA).body().at("/monitoring/alerts").size());

                // The dismissed entry itself changes (a programme added): it is raised again, once.
                writeWithProgrammeAdded(newer.resolve("sdn.csv"), monitored.entity().id(),
                        lists.resolve("ofac_sdn/2024-07-03/sdn.csv"));
                PassReport modified = restarted.refreshNow().get(2, TimeUnit.MINUTES);
                PassReport.ListPass change = modified.lists().getFirst();
                assertEquals(List.of(0, 1, 1), List.of(change.added(), change.modified(), change.proposedAlerts()),
                        modified.toString());
                JsonNode reraised = Json.mapper().readTree(receiver.next("/hooks/a", WAIT).body()).get("alert");
                assertEquals("modified", reraised.get("change").asText(), reraised.toString());
                assertEquals(monitored.entity().id(), reraised.get("entity_id").asText());
                assertEquals("2024-07-03", reraised.get("list_date").asText());
                receiver.next("/slack/a", WAIT);
                assertNothingMore(receiver, List.of("/hooks/a", "/slack/a"));

                assertEquals(200, client.post("/api/v1/monitoring/unsubscribe", "{\"case_id\": \"case-" + jobA + "\"}").status());
                assertEquals(0, client.get("/api/v1/monitoring/subjects").body().get("count").asInt());
            }
        }
    }

    private static void assertNothingMore(WebhookReceiver receiver, List<String> paths) throws InterruptedException {
        for (String path : paths) {
            try {
                WebhookReceiver.Received extra = receiver.next(path, paths.indexOf(path) == 0 ? QUIET : Duration.ofMillis(100));
                throw new IllegalStateException("unexpected delivery to " + path + ": " + extra.body());
            } catch (AssertionError expected) {
                // nothing arrived
            }
        }
    }

    private static List<String> jobIds(JsonNode subjects) {
        List<String> ids = new ArrayList<>();
        subjects.forEach(s -> ids.add(s.get("job_id").asText()));
        return ids;
    }

    private static String body(String jobId, Listed person, WebhookReceiver receiver, String hook, boolean monitor) {
        ObjectNode body = Json.mapper().createObjectNode().put("agent_key", "public-kyc").put("job_id", jobId)
                .put("webhook_url", receiver.url("/hooks/" + hook)).put("slack_webhook_url", receiver.url("/slack/" + hook));
        body.putArray("check_ids").add(SANCTIONS);
        if (monitor) {
            body.put("monitor", true);
        }
        body.putObject("kyc_schema").put("id", "case-" + jobId).putObject("self_attested_data")
                .put("first_name", person.first()).put("last_name", person.last()).put("date_of_birth", person.dob());
        return body.toString();
    }

    /**
     * People of the newer snapshot the older one lacks, whose own name and date of birth match nothing on the older
     * list and exactly their own (new) entry, strongly, among what changed: so each one's alert is predictable.
     */
    private static List<Listed> addedBetween(Path older, Path newer, int wanted) throws IOException {
        LoadedList before = only(older);
        LoadedList after = only(newer);
        Screener beforeScreener = Screener.of(List.of(before));
        Screener afterScreener = Screener.of(List.of(after));
        ListChange change = ListChange.between(before, after);
        Set<String> changed = change.changedIds();
        List<Listed> found = new ArrayList<>();
        for (SanctionedEntity e : change.added().stream().sorted(Comparator.comparing(SanctionedEntity::id)).toList()) {
            String name = e.names().getFirst().fullName();
            BirthDate born = e.birthDates().isEmpty() ? null : e.birthDates().getFirst();
            if (e.type() != EntityType.PERSON || born == null || born.exactDate() == null || e.birthDates().size() != 1
                    || !name.matches("[A-Z]+, [A-Z][a-z]+")) {
                continue;
            }
            String last = name.substring(0, name.indexOf(','));
            String first = name.substring(name.indexOf(',') + 2);
            Query query = new Query(null, first, null, last, born.exactDate().toString(), null, null, Schema.PERSON);
            if (beforeScreener.screen(query).hits().stream().anyMatch(h -> h.rating().isMatch())) {
                continue;
            }
            List<Hit> hits = afterScreener.screen(query).hits().stream()
                    .filter(h -> h.rating().isMatch() && changed.contains(h.entityId())).toList();
            if (hits.size() == 1 && hits.getFirst().entityId().equals(e.id()) && hits.getFirst().rating() == MatchRating.STRONG_MATCH) {
                found.add(new Listed(e, first, last, born.exactDate().toString()));
                if (found.size() == wanted) {
                    return found;
                }
            }
        }
        throw new AssertionError("only " + found.size() + " people added between the snapshots fit the test");
    }

    private static LoadedList only(Path folder) throws IOException {
        List<LoadedList> loaded = new ListLoader().load(folder).loaded();
        assertEquals(1, loaded.size(), folder.toString());
        return loaded.getFirst();
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    /** A copy of an OFAC sdn.csv where one entry's programme field gains a programme: that entry, modified. */
    private static void writeWithProgrammeAdded(Path sdnCsv, String entityId, Path target) throws IOException {
        List<String> lines = Files.readAllLines(sdnCsv, java.nio.charset.StandardCharsets.ISO_8859_1);
        String marker = "\"individual\",\"";
        int changed = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(entityId + ",\"") && line.contains(marker)) {
                int at = line.indexOf(marker) + marker.length();
                int end = line.indexOf('"', at);
                lines.set(i, line.substring(0, end) + "] [CYBER2" + line.substring(end));
                changed++;
            }
        }
        assertEquals(1, changed, "entry " + entityId + " in " + sdnCsv);
        Files.createDirectories(target.getParent());
        Files.write(target, lines, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Path sharedData() {
        String property = System.getProperty("kycflow.shared.dir");
        for (Path candidate : new Path[]{property == null ? null : Path.of(property), Path.of("../shared"),
                Path.of("../../shared")}) {
            if (candidate != null && Files.isDirectory(candidate.resolve("data"))) {
                return candidate.resolve("data").toAbsolutePath().normalize();
            }
        }
        return Path.of("../shared/data");
    }
}
