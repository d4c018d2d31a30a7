package io.kycflow.e2e;

import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.crypto.MasterKeys;
import io.kycflow.common.json.Json;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.ingest.ApiClient;
import io.kycflow.ingest.RunningApi;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import io.kycflow.notifier.WebhookSignature;
import io.kycflow.workers.CheckWorkersService;
import io.kycflow.workers.checks.CheckSuite;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kycflow notifier} in its own JVM, SIGKILLed while a receiver holds the webhook request (so the
 * attempt is never recorded nor its event committed): the next notifier sends it again, same event_id.
 */
@ExtendWith(SharedKafka.class)
class NotifierKillTest {

    private static final String SECRET = "acme-webhook-secret-for-kill-test";

    @Test
    void aWebhookInFlightWhenTheNotifierIsKilledIsSentAgainWithTheSameEventId(EmbeddedKafkaBroker broker,
                                                                              @TempDir Path data) throws Exception {
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        KycflowConfig config = KycflowConfig.from(Map.of("KYCFLOW_LISTS_DOWNLOAD", "off", "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "KYCFLOW_DATA_DIR", data.toString(), "KYCFLOW_MASTER_KEY", RunningApi.TEST_MASTER_KEY));
        try (WebhookReceiver receiver = new WebhookReceiver(path -> {
            if (calls.incrementAndGet() == 1) {
                firstArrived.countDown();
                try {
                    killed.await(60, TimeUnit.SECONDS); // hold the answer until the sender is dead
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return 200;
        });
             RunningApi api = RunningApi.start(broker, data, "notifier-kill-api", Map.of("KYCFLOW_OUTBOUND_ALLOWLIST", "127.0.0.1"));
             CheckSuite suite = CheckSuite.create(List.of("kyc.identity_data_validation_check"), config, Clock.systemUTC());
             CheckWorkersService workers = new CheckWorkersService(new KafkaClientSettings(broker.bootstrapServers()),
                     MasterKeys.of(config.masterKey(), config.dataDir()), suite.checks(), 2, "notifier-kill").start()) {
            Map<String, String> env = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "KYCFLOW_DATA_DIR", data.resolve("notifier").toString(),
                    "KYCFLOW_OUTBOUND_ALLOWLIST", "127.0.0.1",
                    "KYCFLOW_WEBHOOK_SECRET", SECRET,
                    "KYCFLOW_MASTER_KEY", RunningApi.TEST_MASTER_KEY,
                    "KYCFLOW_HEALTH_PORT", "0");
            Path log = Path.of("target", "notifier-kill-test.log").toAbsolutePath();
            Files.deleteIfExists(log);
            try (ServiceProcess first = ServiceProcess.start("notifier", env, log)) {
                sendAndKillInFlight(first, log, api, receiver, firstArrived, killed);
            }
            WebhookReceiver.Received held = receiver.next("/hook", Duration.ofSeconds(5));

            try (ServiceProcess second = ServiceProcess.start("notifier", env, log)) {
                WebhookReceiver.Received again = receiver.next("/hook", Duration.ofSeconds(90));
                assertEquals(held.headers().get("x-kycflow-event-id"), again.headers().get("x-kycflow-event-id"));
                assertEquals(Json.mapper().readTree(held.body()).get("event_id"), Json.mapper().readTree(again.body()).get("event_id"));
                assertEquals(held.body(), again.body(), "the same bytes");
                assertTrue(WebhookSignature.verify(again.headers().get("x-kycflow-signature"), again.bodyBytes(), SECRET,
                        Instant.now()).valid());
            }
        }
    }

    /** Starts a job whose webhook goes to the receiver, and SIGKILLs the notifier once the receiver holds its request. */
    private static void sendAndKillInFlight(ServiceProcess notifier, Path log, RunningApi api, WebhookReceiver receiver,
                                            CountDownLatch firstArrived, CountDownLatch killed) throws Exception {
        String jobId = "kill-" + UUID.randomUUID();
        String body = """
                {"agent_key": "kyc-identity-only", "job_id": "%s", "webhook_url": "%s",
                 "kyc_schema": {"id": "c", "self_attested_data": {"first_name": "Jane", "last_name": "Doe"}}}
                """.formatted(jobId, receiver.url("/hook"));
        ApiClient client = new ApiClient(api.baseUrl(), RunningApi.DEFAULT_TENANT_KEY.token());
        assertEquals(200, client.post("/api/v1/startKYCAgentJob", body).status());

        assertTrue(firstArrived.await(90, TimeUnit.SECONDS), "the first notifier never called; see " + log);
        notifier.kill();
        killed.countDown();
    }
}
