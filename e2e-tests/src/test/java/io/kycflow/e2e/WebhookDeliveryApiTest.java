package io.kycflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.crypto.MasterKeys;
import io.kycflow.common.json.Json;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.ingest.ApiClient;
import io.kycflow.ingest.RunningApi;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import io.kycflow.notifier.NotifierService;
import io.kycflow.notifier.WebhookSecrets;
import io.kycflow.notifier.WebhookSignature;
import io.kycflow.workers.CheckWorkersService;
import io.kycflow.workers.checks.CheckSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook operations end to end: the API, the registry, an identity worker and the notifier on the
 * embedded broker, with a compressed retry schedule (3 attempts) and real receivers on loopback.
 */
@ExtendWith(SharedKafka.class)
class WebhookDeliveryApiTest {

    private static final String SECRET = "acme-webhook-secret-for-tests";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path data;
    private static WebhookReceiver receiver;
    private static RunningApi api;
    private static CheckSuite suite;
    private static CheckWorkersService workers;
    private static NotifierService notifier;
    private static ApiClient client;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) {
        Map<String, String> env = Map.of("KYCFLOW_LISTS_DOWNLOAD", "off",
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "KYCFLOW_DATA_DIR", data.toString(),
                "KYCFLOW_OUTBOUND_ALLOWLIST", "127.0.0.1",
                "KYCFLOW_WEBHOOK_RETRY_SCHEDULE", "200ms,300ms",
                "KYCFLOW_MASTER_KEY", RunningApi.TEST_MASTER_KEY);
        KycflowConfig config = KycflowConfig.from(env);
        KafkaClientSettings kafka = new KafkaClientSettings(broker.bootstrapServers());
        receiver = new WebhookReceiver(path -> path.startsWith("/down") ? 503 : 200);
        api = RunningApi.start(broker, data, "webhook-api", Map.of("KYCFLOW_OUTBOUND_ALLOWLIST", "127.0.0.1"));
        suite = CheckSuite.create(List.of("kyc.identity_data_validation_check"), config, Clock.systemUTC());
        workers = new CheckWorkersService(kafka, MasterKeys.of(config.masterKey(), config.dataDir()), suite.checks(), 2,
                "webhook-api").start();
        // The notifier's metrics go to the API's registry, as in the all-in-one: /metrics shows both.
        notifier = NotifierService.create(config, kafka, WebhookSecrets.of(Map.of("acme", SECRET)), api.service().meters())
                .start();
        client = new ApiClient(api.baseUrl(), RunningApi.ACME_KEY.token());
    }

    @AfterAll
    static void stop() throws Exception {
        notifier.close();
        workers.close();
        suite.close();
        api.close();
        receiver.close();
    }

    @Test
    void aWebhookThatKeepsFailingIsDeadLetteredVisiblyAndCanBeResentByHand() throws Exception {
        String jobId = "hook-" + UUID.randomUUID();
        assertEquals(200, client.post("/api/v1/startKYCAgentJob", startBody(jobId, receiver.url("/down/" + jobId))).status());

        JsonNode log = awaitDeliveries(jobId, d -> d.path("deliveries").path(0).path("state").asText().equals("dead_lettered"));
        JsonNode delivery = log.get("deliveries").get(0);
        assertEquals(jobId, log.get("job_id").asText());
        assertEquals("webhook", delivery.get("target").asText());
        assertEquals("job.complete", delivery.get("event_type").asText());
        assertEquals("127.0.0.1", delivery.get("host").asText());
        assertEquals(3, delivery.get("attempts").size(), "3 attempts: the first and two retries");
        for (JsonNode attempt : delivery.get("attempts")) {
            assertEquals(503, attempt.get("status_code").asInt());
            assertTrue(attempt.has("at") && attempt.has("duration_ms") && !attempt.has("error"));
        }
        assertTrue(delivery.get("next_attempt_at").isNull());
        String eventId = delivery.get("event_id").asText();
        for (int i = 0; i < 3; i++) {
            receiver.next("/down/" + jobId, WAIT);
        }

        // Another tenant sees nothing of it.
        ApiClient globex = client.as(RunningApi.GLOBEX_KEY.token());
        assertEquals(404, globex.get("/api/v1/getWebhookDeliveries?job_id=" + jobId).status());
        assertEquals(404, globex.post("/api/v1/triggerWebhook", "{\"job_id\":\"" + jobId + "\"}").status());

        // Re-sent by hand to a receiver that works: the same event, a delivery of its own.
        ApiClient.Response triggered = client.post("/api/v1/triggerWebhook",
                "{\"job_id\":\"" + jobId + "\",\"webhook_url\":\"" + receiver.url("/up/" + jobId) + "\"}");
        assertEquals(202, triggered.status(), triggered.body().toString());
        WebhookReceiver.Received resent = receiver.next("/up/" + jobId, WAIT);
        assertEquals(eventId, Json.mapper().readTree(resent.body()).get("event_id").asText());
        assertTrue(WebhookSignature.verify(resent.headers().get("x-kycflow-signature"), resent.bodyBytes(), SECRET,
                Instant.now()).valid());
        JsonNode after = awaitDeliveries(jobId, d -> d.get("deliveries").size() == 2
                && d.get("deliveries").get(1).get("state").asText().equals("delivered"));
        assertEquals(triggered.body().get("delivery_id").asText(), after.get("deliveries").get(1).get("delivery_id").asText());

        String metrics = client.get("/metrics").raw().body();
        assertTrue(metrics.contains("kycflow_notifier_deliveries_total{outcome=\"dead_lettered\",target=\"webhook\"}"), metrics);
        assertTrue(metrics.contains("kycflow_notifier_attempt_duration_seconds_bucket"), "attempt latency");
        assertTrue(metrics.contains("kycflow_notifier_dlq_size") && metrics.contains("kycflow_notifier_retry_oldest_pending_seconds"));
    }

    @Test
    void aTestEventIsSignedAndItsDeliveryIsVisible() throws Exception {
        ApiClient.Response queued = client.post("/api/v1/testWebhook", "{\"webhook_url\":\"" + receiver.url("/test-hook") + "\"}");
        assertEquals(202, queued.status(), queued.body().toString());
        WebhookReceiver.Received test = receiver.next("/test-hook", WAIT);
        JsonNode body = Json.mapper().readTree(test.body());
        assertEquals("webhook.test", body.get("event_type").asText());
        assertTrue(WebhookSignature.verify(test.headers().get("x-kycflow-signature"), test.bodyBytes(), SECRET,
                Instant.now()).valid());
        String testJob = queued.body().get("job_id").asText();
        JsonNode log = awaitDeliveries(testJob, d -> d.path("deliveries").path(0).path("state").asText().equals("delivered"));
        assertEquals(200, log.at("/deliveries/0/attempts/0/status_code").asInt());
    }

    @Test
    void internalAddressesAreRefusedWhereverAUrlIsGiven() {
        for (String url : List.of("http://127.0.0.2/h", "http://10.0.0.5/h", "http://[::1]/h", "http://169.254.169.254/latest",
                "http://0x7f000001/h")) {
            ApiClient.Response start = client.post("/api/v1/startKYCAgentJob", startBody("refused-" + UUID.randomUUID(), url));
            assertEquals(400, start.status(), url);
            assertEquals("webhook_url", start.body().at("/details/0/field").asText(), url);
            ApiClient.Response test = client.post("/api/v1/testWebhook", "{\"webhook_url\":\"" + url + "\"}");
            assertEquals(400, test.status(), url);
            assertEquals("webhook_url", test.body().at("/details/0/field").asText(), url);
        }
        assertEquals(400, client.post("/api/v1/testWebhook", "{}").status());
        assertEquals(400, client.post("/api/v1/triggerWebhook", "{}").status());
        assertEquals(400, client.get("/api/v1/getWebhookDeliveries").status());
        assertEquals(404, client.get("/api/v1/getWebhookDeliveries?job_id=never-started").status());
        assertEquals(403, client.as(RunningApi.READ_ONLY_KEY.token())
                .post("/api/v1/testWebhook", "{\"webhook_url\":\"" + receiver.url("/x") + "\"}").status());
    }

    private static JsonNode awaitDeliveries(String jobId, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            ApiClient.Response response = client.get("/api/v1/getWebhookDeliveries?job_id=" + jobId);
            if (response.status() == 200) {
                last = response.body();
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("deliveries of " + jobId + " did not get there: " + last);
    }

    private static String startBody(String jobId, String webhookUrl) {
        return """
                {"agent_key": "kyc-identity-only", "job_id": "%s", "webhook_url": "%s",
                 "kyc_schema": {"id": "case-%s", "self_attested_data": {
                   "first_name": "Jane", "last_name": "Doe", "date_of_birth": "1990-04-01",
                   "country_of_nationality": "GB", "country_of_residence": "GB"}}}
                """.formatted(jobId, webhookUrl, jobId);
    }
}
