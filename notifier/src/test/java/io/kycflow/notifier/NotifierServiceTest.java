package io.kycflow.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.json.Json;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.net.OutboundUrlGuard;
import io.kycflow.common.topic.TopicProvisioner;
import io.kycflow.common.topic.Topics;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import io.kycflow.common.notification.DeliveryAttempt;
import io.kycflow.common.notification.DeliveryStatus;
import io.kycflow.common.notification.ParkedDelivery;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notifier on the real embedded broker, delivering to real HTTP receivers on loopback (allow-listed). */
@ExtendWith(SharedKafka.class)
class NotifierServiceTest {

    private static final String SECRET = "whsec_notifier-test-secret-0123456789";
    private static final String TENANT = "default";
    /** Retries compressed: 4 attempts 100/200/300 ms apart, 2 s per attempt. */
    private static final DeliveryPolicy POLICY = new DeliveryPolicy(new RetrySchedule(
            List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300))), Duration.ofSeconds(2), 1024);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static KafkaProducer<String, JobEvent> producer;
    private static KafkaProducer<String, io.kycflow.common.crypto.WrappedDataKey> keyProducer;
    private static Admin admin;
    private static NotifierService notifier;
    private static HttpClient http;
    private static DeliveryRecords attempts;
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) {
        KafkaClientSettings kafka = new KafkaClientSettings(broker.bootstrapServers());
        admin = Admin.create(kafka.admin("notifier-test"));
        new TopicProvisioner(admin, 3, Optional.of((short) 1)).ensure(Topics.all(List.of(), POLICY.schedule().tiers()));
        attempts = new DeliveryRecords(kafka);
        producer = new KafkaProducer<>(kafka.producer("notifier-test"), Topics.JOB_EVENTS.keySerde().serializer(),
                Topics.JOB_EVENTS.valueSerde().serializer());
        KycflowConfig config = KycflowConfig.from(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "KYCFLOW_OUTBOUND_ALLOWLIST", "127.0.0.1",
                "KYCFLOW_SLACK_WEBHOOK_HOSTS", "127.0.0.1",
                "KYCFLOW_PUBLIC_BASE_URL", "http://localhost:8080",
                "KYCFLOW_MASTER_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32])));
        keyProducer = new KafkaProducer<>(kafka.producer("notifier-test-keys"), Topics.JOB_KEYS.keySerde().serializer(),
                Topics.JOB_KEYS.valueSerde().serializer());
        http = NotifierService.defaultHttpClient();
        notifier = new NotifierService(config, kafka, WebhookSecrets.of(Map.of(TENANT, SECRET)),
                OutboundUrlGuard.withAllowlist(config.outboundAllowlist()), http, Clock.systemUTC(), POLICY, METERS).start();
    }

    @AfterAll
    static void stop() {
        notifier.close();
        attempts.close();
        http.close();
        producer.close();
        keyProducer.close();
        admin.close();
    }

    /** The job's data key, stored as the registry stores it, before anything sealed with it. */
    private static void issueKey(JobEvent event) throws Exception {
        String ref = event.job().dataKeyRef();
        if (!io.kycflow.common.crypto.PersonalDataProtection.ring().holds(ref)) {
            keyProducer.send(new ProducerRecord<>(Topics.JOB_KEYS.name(), ref,
                    io.kycflow.common.crypto.DataKeyIssuer.issue(ref).wrapped())).get();
        }
    }

    private static RecordMetadata send(JobEvent event) throws Exception {
        issueKey(event);
        return producer.send(new ProducerRecord<>(Topics.JOB_EVENTS.name(), event.job().key().toString(), event)).get();
    }

    private static RecordMetadata sendToPartition(int partition, JobEvent event) throws Exception {
        issueKey(event);
        return producer.send(new ProducerRecord<>(Topics.JOB_EVENTS.name(), partition, event.job().key().toString(),
                event)).get();
    }

    private static String newJobId() {
        return "job-" + UUID.randomUUID();
    }

    @Test
    void aTerminalEventIsASignedWebhookAndASlackMessage() throws Exception {
        try (Receiver hook = Receiver.ok(); Receiver slack = Receiver.ok()) {
            Job job = TestEvents.job(TENANT, newJobId(), JobStatus.ERROR, hook.url("/kyc/hook"), slack.url("/services/T/B/X"), 5);
            JobEvent event = TestEvents.terminal(job);
            RecordMetadata written = send(event);

            Receiver.Request request = hook.await(1, WAIT).getFirst();
            JsonNode body = Json.mapper().readTree(request.body());
            assertEquals(event.eventId(), body.get("event_id").asText());
            assertEquals("job.error", body.get("event_type").asText());
            assertEquals(5, body.get("sequence").asLong());
            assertEquals(event.occurredAt().toString(), body.get("occurred_at").asText());
            assertEquals(job.id(), body.get("id").asText());
            assertEquals("error", body.get("status").asText());
            assertEquals("Review", body.get("recommendation").asText());
            assertEquals(3, body.get("check_results").size(), "check results are included");
            assertTrue(body.at("/input_payload/self_attested_data").isObject());
            assertTrue(!body.has("notifications") && !body.has("plan") && !body.has("submission_id"), "internal fields stay internal");
            assertEquals("application/json", request.header("Content-Type"));
            assertEquals(event.eventId(), request.header("X-Kycflow-Event-Id"));
            String signature = request.header("X-Kycflow-Signature");
            assertEquals(WebhookSignature.Result.VALID, WebhookSignature.verify(signature, request.body(), SECRET, Instant.now()));
            assertEquals(WebhookSignature.Result.MISMATCH,
                    WebhookSignature.verify(signature, request.body(), SECRET + "-wrong", Instant.now()));

            JsonNode message = Json.mapper().readTree(slack.await(1, WAIT).getFirst().body());
            assertEquals("Jane Doe", message.at("/blocks/0/text/text").asText());
            String blocks = message.get("blocks").toString();
            assertTrue(blocks.contains("✅") && blocks.contains("❌") && blocks.contains("⚠️"), blocks);
            assertTrue(blocks.contains("http://localhost:8080/api/v1/getJobById?job_id=" + job.id()), blocks);

            // The event is committed once both deliveries have ended.
            TopicPartition partition = new TopicPartition(written.topic(), written.partition());
            awaitCommitted(partition, written.offset() + 1);
        }
    }

    @Test
    void twoServerErrorsThenSuccessMakeThreeAttemptsWithTheSameBytes() throws Exception {
        try (Receiver hook = Receiver.start(n -> n <= 2 ? 500 : 200)) {
            JobEvent event = TestEvents.terminal(TestEvents.job(TENANT, newJobId(), JobStatus.COMPLETE, hook.url("/h"), null, 4));
            send(event);
            List<Receiver.Request> requests = hook.await(3, WAIT);
            Thread.sleep(700); // longer than every remaining retry delay together: no fourth attempt
            assertEquals(3, hook.requests().size());
            for (Receiver.Request request : requests) {
                assertArrayEquals(requests.getFirst().body(), request.body(), "identical bytes on every retry");
                assertEquals(event.eventId(), request.header("X-Kycflow-Event-Id"));
                assertTrue(WebhookSignature.verify(request.header("X-Kycflow-Signature"), request.body(), SECRET,
                        Instant.now()).valid());
            }
        }
    }

    @Test
    void goneOrARedirectIsOneAttemptOnly() throws Exception {
        try (Receiver gone = Receiver.start(n -> 410); Receiver moved = Receiver.start(n -> 302)) {
            send(TestEvents.terminal(TestEvents.job(TENANT, newJobId(), JobStatus.COMPLETE, gone.url("/h"), null, 4)));
            send(TestEvents.terminal(TestEvents.job(TENANT, newJobId(), JobStatus.COMPLETE, moved.url("/h"), null, 4)));
            gone.await(1, WAIT);
            moved.await(1, WAIT);
            Thread.sleep(900); // longer than every retry delay together
            assertEquals(1, gone.requests().size());
            assertEquals(1, moved.requests().size(), "redirects are neither followed nor retried");
        }
    }

    @Test
    void aHangingReceiverForOneJobDoesNotDelayAnotherJob() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (Receiver stuck = Receiver.start(n -> {
            release.await();
            return 200;
        }); Receiver fine = Receiver.ok()) {
            // Same partition, A first: a consumer that waited on A's receiver would hold B back.
            sendToPartition(0, TestEvents.terminal(TestEvents.job(TENANT, newJobId(), JobStatus.COMPLETE, stuck.url("/a"), null, 4)));
            sendToPartition(0, TestEvents.terminal(TestEvents.job(TENANT, newJobId(), JobStatus.COMPLETE, fine.url("/b"), null, 4)));
            Instant aStarted = stuck.await(1, WAIT).getFirst().at();
            Instant bArrived = fine.await(1, WAIT).getFirst().at();
            assertTrue(bArrived.isBefore(aStarted.plus(POLICY.attemptTimeout())),
                    "B arrived " + Duration.between(aStarted, bArrived).toMillis() + " ms after A's attempt began, "
                            + "before that attempt could even time out");
        } finally {
            release.countDown();
        }
    }

    @Test
    void onlyTheTerminalEventSendsAnything() throws Exception {
        try (Receiver hook = Receiver.ok(); Receiver slack = Receiver.ok()) {
            String jobId = newJobId();
            Job queued = TestEvents.job(TENANT, jobId, JobStatus.QUEUED, hook.url("/h"), slack.url("/s"), 1);
            send(JobEvent.of(JobEvent.JOB_QUEUED, queued, Instant.now()));
            Job running = TestEvents.job(TENANT, jobId, JobStatus.IN_PROGRESS, hook.url("/h"), slack.url("/s"), 2);
            send(JobEvent.of(JobEvent.JOB_STARTED, running, Instant.now()));
            send(JobEvent.of(JobEvent.CHECK_FINISHED, running.toBuilder().eventSequence(3).build(), Instant.now()));
            // Same key, so the same partition, read in order: once the terminal event arrives the others were read.
            JobEvent done = TestEvents.terminal(TestEvents.job(TENANT, jobId, JobStatus.COMPLETE, hook.url("/h"), slack.url("/s"), 4));
            send(done);
            hook.await(1, WAIT);
            slack.await(1, WAIT);
            Thread.sleep(300);
            assertEquals(1, hook.requests().size());
            assertEquals(1, slack.requests().size());
            assertEquals(done.eventId(), hook.requests().getFirst().header("X-Kycflow-Event-Id"));
        }
    }

    @Test
    void aUrlTheGuardRefusesIsNeverCalled() throws Exception {
        try (Receiver hook = Receiver.ok(); Receiver slack = Receiver.ok()) {
            // 2130706433 is 127.0.0.1 spelled as one number: the HTTP client would reach the receiver with it,
            // the guard refuses the odd encoding even though 127.0.0.1 itself is allow-listed.
            String refused = "http://2130706433:" + hook.port() + "/h";
            send(TestEvents.terminal(TestEvents.job(TENANT, newJobId(), JobStatus.COMPLETE, refused, slack.url("/s"), 4)));
            slack.await(1, WAIT);
            Thread.sleep(300);
            assertEquals(0, hook.requests().size());
        }
    }

    @Test
    void threeServerErrorsThenSuccessAreFourRecordedAttemptsAndNoneAfter() throws Exception {
        try (Receiver hook = Receiver.start(n -> n <= 3 ? 500 : 200)) {
            JobEvent event = TestEvents.terminal(TestEvents.job(TENANT, newJobId(), JobStatus.COMPLETE, hook.url("/h"), null, 4));
            send(event);
            hook.await(4, WAIT);
            List<DeliveryAttempt> recorded = attempts.await(event.job().key().toString(), 4, WAIT);
            Thread.sleep(800); // longer than every retry delay together: no fifth attempt
            assertEquals(4, hook.requests().size());
            assertEquals(List.of(1, 2, 3, 4), recorded.stream().map(DeliveryAttempt::attempt).toList());
            assertEquals(List.of(DeliveryStatus.PENDING, DeliveryStatus.PENDING, DeliveryStatus.PENDING, DeliveryStatus.DELIVERED),
                    recorded.stream().map(DeliveryAttempt::state).toList());
            assertEquals(List.of(500, 500, 500, 200), recorded.stream().map(DeliveryAttempt::statusCode).toList());
            assertTrue(recorded.getFirst().nextAttemptAt() != null && recorded.getLast().nextAttemptAt() == null);
            assertEquals("127.0.0.1", recorded.getFirst().host());
            assertEquals(1, recorded.stream().map(DeliveryAttempt::deliveryId).distinct().count(), "one delivery");
            assertEquals(4, attempts.await(event.job().key().toString(), 4, Duration.ZERO).size(), "none after");
        }
    }

    @Test
    void aReceiverThatIsDownThenUpGetsTheEvent() throws Exception {
        int port;
        try (Receiver placeholder = Receiver.ok()) {
            port = placeholder.port(); // free it: nobody listens there now
        }
        JobEvent event = TestEvents.terminal(TestEvents.job(TENANT, newJobId(), JobStatus.COMPLETE,
                "http://127.0.0.1:" + port + "/h", null, 4));
        send(event);
        List<DeliveryAttempt> refused = attempts.await(event.job().key().toString(), 1, WAIT);
        assertEquals("connection refused", refused.getFirst().error());
        try (Receiver hook = Receiver.startOn(port, n -> 200)) {
            hook.await(1, WAIT);
            List<DeliveryAttempt> recorded = attempts.awaitState(event.job().key().toString(), DeliveryStatus.DELIVERED, WAIT);
            assertEquals(event.eventId(), hook.requests().getFirst().header("X-Kycflow-Event-Id"));
            assertTrue(recorded.size() >= 2);
        }
    }

    @Test
    void aHangingReceiverTimesOutAndIsRetried() throws Exception {
        try (Receiver hook = Receiver.start(n -> {
            if (n == 1) {
                Thread.sleep(POLICY.attemptTimeout().toMillis() + 1500);
            }
            return 200;
        })) {
            JobEvent event = TestEvents.terminal(TestEvents.job(TENANT, newJobId(), JobStatus.COMPLETE, hook.url("/h"), null, 4));
            send(event);
            List<DeliveryAttempt> recorded = attempts.awaitState(event.job().key().toString(), DeliveryStatus.DELIVERED, WAIT);
            assertEquals("timed out", recorded.getFirst().error());
            assertTrue(recorded.getFirst().durationMs() >= POLICY.attemptTimeout().toMillis() - 100);
            assertEquals(DeliveryStatus.DELIVERED, recorded.get(1).state());
        }
    }

    @Test
    void goneIsStoppedAtOnce() throws Exception {
        try (Receiver gone = Receiver.start(n -> 410)) {
            JobEvent event = TestEvents.terminal(TestEvents.job(TENANT, newJobId(), JobStatus.COMPLETE, gone.url("/h"), null, 4));
            send(event);
            List<DeliveryAttempt> recorded = attempts.await(event.job().key().toString(), 1, WAIT);
            Thread.sleep(900);
            assertEquals(1, gone.requests().size());
            assertEquals(DeliveryStatus.STOPPED, recorded.getFirst().state());
            assertEquals(410, recorded.getFirst().statusCode());
        }
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsDeadLettered() throws Exception {
        try (Receiver down = Receiver.start(n -> 503)) {
            JobEvent event = TestEvents.terminal(TestEvents.job(TENANT, newJobId(), JobStatus.COMPLETE, down.url("/h"), null, 4));
            String key = event.job().key().toString();
            send(event);
            List<DeliveryAttempt> recorded = attempts.awaitState(key, DeliveryStatus.DEAD_LETTERED, WAIT);
            assertEquals(POLICY.maxAttempts(), recorded.size());
            assertEquals(POLICY.maxAttempts(), down.requests().size());
            ParkedDelivery dead = attempts.awaitDeadLetter(key, WAIT);
            assertEquals(event.eventId(), dead.eventId());
            assertEquals("HTTP 503", dead.lastOutcome());
            assertArrayEquals(down.requests().getFirst().body(), dead.body(), "the DLQ keeps the exact bytes");
            double deadLettered = METERS.find("kycflow.notifier.deliveries").tag("outcome", "dead_lettered").counters()
                    .stream().mapToDouble(c -> c.count()).sum();
            assertTrue(deadLettered >= 1, "the metric counts it");
        }
    }

    @Test
    void retryAfterMovesTheNextAttemptToTheFirstTierThatLong() throws Exception {
        try (Receiver busy = Receiver.start(n -> n == 1 ? 429 : 200, Map.of("Retry-After", "1"))) {
            JobEvent event = TestEvents.terminal(TestEvents.job(TENANT, newJobId(), JobStatus.COMPLETE, busy.url("/h"), null, 4));
            send(event);
            List<Receiver.Request> requests = busy.await(2, WAIT);
            List<DeliveryAttempt> recorded = attempts.await(event.job().key().toString(), 2, WAIT);
            // 1 s is longer than every tier: the last one (300 ms), not the first (100 ms)
            Duration planned = Duration.between(recorded.getFirst().at(), recorded.getFirst().nextAttemptAt());
            assertTrue(planned.compareTo(Duration.ofMillis(300)) >= 0, "planned " + planned);
            assertTrue(Duration.between(requests.get(0).at(), requests.get(1).at()).compareTo(Duration.ofMillis(290)) >= 0);
        }
    }

    private static void awaitCommitted(TopicPartition partition, long atLeast) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(NotifierService.GROUP_ID)
                    .partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata committed = offsets.get(partition);
            if (committed != null && committed.offset() >= atLeast) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("offset " + atLeast + " of " + partition + " not committed; have " + committed);
            }
            Thread.sleep(50);
        }
    }
}
