package io.kycflow.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.crypto.MasterKeys;
import io.kycflow.common.crypto.PersonalDataProtection;
import io.kycflow.common.json.Json;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.net.OutboundUrlGuard;
import io.kycflow.common.topic.Topics;
import io.kycflow.ingest.ApiClient;
import io.kycflow.ingest.RunningApi;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.notifier.DeliveryPolicy;
import io.kycflow.notifier.NotifierService;
import io.kycflow.notifier.WebhookSecrets;
import io.kycflow.workers.CheckWorkersService;
import io.kycflow.workers.checks.CheckSuite;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PII canary (issue 6): every service in one JVM on a broker whose data lives in the test's data directory,
 * root logging at DEBUG. A job whose name, date of birth and email are unique canaries runs to completion and
 * its webhook arrives (in plain text: that is its owner); then deleteJob erases it. Afterwards no log line, no
 * record of any topic (internal and changelog topics, aborted transactions included: read uncommitted, raw
 * bytes of keys, values and headers) and no file under the data directory (broker segments, RocksDB) holds
 * any canary, in any letter case.
 */
class PiiCanaryTest {

    private static final String SECRET = "acme-webhook-secret-for-tests";

    @Test
    void theSubjectsDataAppearsInNoLogTopicOrFileAndDeleteJobErasesIt(@TempDir Path data) throws Exception {
        Random random = new Random();
        String first = "Quillon" + letters(random, 8);
        String last = "Vantrebel" + letters(random, 8);
        String dob = (1901 + random.nextInt(30)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
        String emailLocal = "canary" + letters(random, 10);
        String headline = "Vendorcanary" + letters(random, 10); // in the adverse-media vendor data, sealed with the rest
        List<String> canaries = List.of(first, last, dob, emailLocal, headline);

        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level rootLevel = root.getLevel();
        CapturingAppender captured = new CapturingAppender();
        captured.setContext(logging);
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG); // named noisy loggers (Kafka, Jetty) keep their configured levels
        String jobId = "canary-" + letters(random, 12);
        String keyRef;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0)) {
            String bootstrap = broker.bootstrapServers();
            KycflowConfig config = KycflowConfig.from(Map.of("KYCFLOW_LISTS_DOWNLOAD", "off", 
                    "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                    "KYCFLOW_DATA_DIR", data.toString(),
                    "KYCFLOW_LISTS_DIR", PipelineScenario.listsDir().toString(),
                    "KYCFLOW_LISTS_MAX_AGE", "0",
                    "KYCFLOW_SLACK_WEBHOOK_HOSTS", "127.0.0.1",
                    "KYCFLOW_MASTER_KEY", RunningApi.TEST_MASTER_KEY));
            KafkaClientSettings kafka = new KafkaClientSettings(bootstrap);
            try (WebhookReceiver receiver = new WebhookReceiver();
                 RunningApi api = RunningApi.start(bootstrap, data, "canary-api",
                         Map.of("KYCFLOW_OUTBOUND_ALLOWLIST", "127.0.0.1", "KYCFLOW_SLACK_WEBHOOK_HOSTS", "127.0.0.1"));
                 CheckSuite suite = CheckSuite.create(AgentCatalog.bundled().find("public-kyc").orElseThrow().checkIds(),
                         config, Clock.systemUTC());
                 CheckWorkersService workers = new CheckWorkersService(kafka,
                         MasterKeys.of(config.masterKey(), config.dataDir()), suite.checks(), 2, "canary").start();
                 NotifierService notifier = new NotifierService(config, kafka, WebhookSecrets.of(Map.of("acme", SECRET)),
                         OutboundUrlGuard.withAllowlist(List.of("127.0.0.1")), NotifierService.defaultHttpClient(),
                         Clock.systemUTC(), DeliveryPolicy.DEFAULT, new SimpleMeterRegistry()).start()) {
                ApiClient client = new ApiClient(api.baseUrl(), RunningApi.ACME_KEY.token());
                ObjectNode schema = Json.mapper().createObjectNode().put("id", "case-" + jobId);
                schema.putObject("self_attested_data")
                        .put("first_name", first).put("last_name", last).put("date_of_birth", dob)
                        .put("country_of_nationality", "GB").put("country_of_residence", "GB")
                        .put("email", emailLocal + "@example.com");
                schema.set("adverse_media_event_check", Json.mapper().readTree("""
                        {"vendor_data": {"vendor_case_id": "vc-1", "vendor_adverse_media_profiles": [
                          {"id": "p1", "full_name": "%s %s", "date_of_birth": "%s",
                           "weblinks": [{"title": "%s charged with fraud", "url": "https://news.example.com/a"}]}]}}
                        """.formatted(first, last, dob, headline)));
                String body = Json.toString(Json.mapper().createObjectNode()
                        .put("agent_key", "public-kyc")
                        .put("job_id", jobId)
                        .put("webhook_url", receiver.url("/hooks/canary"))
                        .put("slack_webhook_url", receiver.url("/slack/canary"))
                        .set("kyc_schema", schema));
                assertEquals(200, client.post("/api/v1/startKYCAgentJob", body).status());
                assertEquals(409, client.post("/api/v1/startKYCAgentJob", body).status(), "a losing submission too");

                // The owner gets the data in plain text: the webhook, and the API.
                JsonNode hook = Json.mapper().readTree(receiver.next("/hooks/canary", PipelineScenario.WAIT).body());
                assertTrue(hook.get("status").asText().equals("complete") || hook.get("status").asText().equals("error"),
                        hook.toString());
                assertEquals(first, hook.at("/input_payload/self_attested_data/first_name").asText());
                assertTrue(receiver.next("/slack/canary", PipelineScenario.WAIT).body().contains(first));
                JsonNode read = client.get("/api/v1/getJobById?job_id=" + jobId + "&include_check_results=true").body();
                assertEquals(dob, read.at("/input_payload/self_attested_data/date_of_birth").asText());
                assertFalse(read.at("/check_results/0/answer").isMissingNode(), read.toString());

                keyRef = "acme/" + jobId + "#";
                String ref = activeRef(bootstrap, keyRef);
                assertTrue(PersonalDataProtection.ring().holds(ref));

                assertEquals(200, client.post("/api/v1/deleteJob", "{\"job_id\":\"" + jobId + "\"}").status());
                JsonNode deleted = client.get("/api/v1/getJobById?job_id=" + jobId
                        + "&include_check_results=true&include_status_messages=true").body();
                assertEquals("deleted", deleted.get("status").asText(), deleted.toString());
                assertTrue(deleted.get("input_payload") == null || deleted.get("input_payload").isNull(), deleted.toString());
                for (JsonNode result : deleted.get("check_results")) {
                    assertTrue(result.path("answer").isNull() && result.path("payload").isNull(), result.toString());
                    assertEquals(0, result.path("evidence").size(), result.toString());
                }
                assertTrue(deleted.get("status_messages").toString().contains("Job deleted at"), deleted.toString());
                assertNoCanary(canaries, "getJobById after deleteJob", deleted.toString().getBytes(StandardCharsets.UTF_8));
                assertEquals(409, client.post("/api/v1/startKYCAgentJob", body).status(), "the job_id stays taken");
                long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (PersonalDataProtection.ring().holds(ref) && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                assertFalse(PersonalDataProtection.ring().holds(ref), "every key ring drops the destroyed key");
                assertTrue(PersonalDataProtection.ring().isDestroyed(ref));
            }
            // Services closed: RocksDB has flushed its memtables to files. Now search everything.
            scanEveryTopic(bootstrap, canaries);
        } finally {
            root.setLevel(rootLevel);
            root.detachAppender(captured);
        }
        assertTrue(captured.lines.stream().anyMatch(l -> l.startsWith("DEBUG ")), "DEBUG events were logged");
        assertTrue(captured.lines.stream().anyMatch(l -> l.contains(jobId)), "the log does name the job");
        for (String line : captured.lines) {
            assertNoCanary(canaries, "log line", line.getBytes(StandardCharsets.UTF_8));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".log") && f.toString().contains("kyc.jobs")),
                "the broker's segments are under the data directory");
        assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".sst")), "RocksDB files are under the data directory");
        for (Path file : files) {
            assertNoCanary(canaries, "file " + data.relativize(file), Files.readAllBytes(file));
        }
    }

    /**
     * The ref of the job's data key: the job's refs on {@code kyc.job-keys} (the submission id is internal)
     * whose key the ring holds; the losing submission's was destroyed with its 409.
     */
    private static String activeRef(String bootstrap, String prefix) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> refs = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.JOB_KEYS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String ref = new String(r.key(), StandardCharsets.UTF_8);
                    if (ref.startsWith(prefix) && !refs.contains(ref)) {
                        refs.add(ref);
                    }
                }
            }
        }
        // The accepted submission's, the 409's, and the first one's: on this fresh broker no registry task holds
        // the agent's rules yet, so the first submission, naming them, is refused and sent again whole.
        assertEquals(3, refs.size(), "one data key per submission: " + refs);
        List<String> held = refs.stream().filter(PersonalDataProtection.ring()::holds).toList();
        assertEquals(1, held.size(), "every key but the accepted submission's is destroyed: " + refs);
        return held.getFirst();
    }

    private static void scanEveryTopic(String bootstrap, List<String> canaries) throws Exception {
        KafkaClientSettings kafka = new KafkaClientSettings(bootstrap);
        int records = 0;
        List<String> topics;
        try (Admin admin = Admin.create(kafka.admin("canary-scan"))) {
            topics = new ArrayList<>(admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get());
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
            assertTrue(topics.contains("__consumer_offsets") && topics.contains("__transaction_state"), topics.toString());
            assertTrue(topics.stream().anyMatch(t -> t.endsWith("-changelog")), topics.toString());
            List<TopicPartition> partitions = described.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition()))).toList();
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.EXCLUDE_INTERNAL_TOPICS_CONFIG, false);
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        records++;
                        String where = r.topic() + "-" + r.partition() + "@" + r.offset();
                        assertNoCanary(canaries, where + " key", r.key());
                        assertNoCanary(canaries, where + " value", r.value());
                        for (Header h : r.headers()) {
                            assertNoCanary(canaries, where + " header " + h.key(), h.value());
                        }
                    }
                }
                for (TopicPartition p : partitions) {
                    assertTrue(consumer.position(p) >= end.get(p), "read all of " + p);
                }
            }
        }
        assertTrue(records > 50, "records read: " + records);
    }

    private static void assertNoCanary(List<String> canaries, String where, byte[] bytes) {
        if (bytes == null) {
            return;
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String canary : canaries) {
            assertFalse(text.contains(canary.toLowerCase(Locale.ROOT)), "a canary in " + where);
        }
    }

    private static String letters(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    /** Every log event, formatted with its arguments and any stack trace. */
    private static final class CapturingAppender extends AppenderBase<ILoggingEvent> {
        final Queue<String> lines = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLevel().toString()).append(' ').append(event.getLoggerName()).append(' ').append(event.getThreadName())
                    .append(' ').append(event.getFormattedMessage());
            event.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            if (event.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            lines.add(line.toString());
        }
    }
}
