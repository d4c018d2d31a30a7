package io.kycflow.workers;

import io.kycflow.common.command.CheckTask;
import io.kycflow.common.crypto.DataKeyIssuer;
import io.kycflow.common.crypto.DataKeyRef;
import io.kycflow.common.crypto.MasterKeys;
import io.kycflow.common.crypto.PersonalDataProtection;
import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.CheckStatus;
import io.kycflow.common.json.Json;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.topic.TopicProvisioner;
import io.kycflow.common.topic.Topics;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import io.kycflow.workers.check.Check;
import io.kycflow.workers.check.CheckVerdict;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker on a real broker: running then one final result; errors, hangs and late tasks handled. */
@ExtendWith(SharedKafka.class)
class CheckWorkerTest {

    private static final MasterKeys MASTER_KEYS =
            MasterKeys.parse(java.util.Base64.getEncoder().encodeToString(new byte[32]));
    private static KafkaClientSettings kafka;

    @BeforeAll
    static void topics(EmbeddedKafkaBroker broker) {
        kafka = new KafkaClientSettings(broker.bootstrapServers());
        try (Admin admin = Admin.create(kafka.admin("test"))) {
            new TopicProvisioner(admin, 3, Optional.of((short) 1)).ensure(Topics.all(List.of("test.echo", "test.slow", "test.boom", "test.hang", "test.count")));
        }
        PersonalDataProtection.install(kafka, MASTER_KEYS);
    }

    /** A check for tests: answers after the latch opens, or throws. */
    private record TestCheck(String id, CountDownLatch gate, boolean throwing) implements Check {
        @Override
        public CheckVerdict run(CheckTask task) throws Exception {
            gate.await();
            if (throwing) {
                throw new IllegalStateException("boom with the subject's name Jane inside");
            }
            return new CheckVerdict(true, "fine", "all good", Json.mapper().createObjectNode().put("type", "TestResult"), List.of());
        }
    }

    /** A task as the registry writes it, sealed with a data key it stored on kyc.job-keys with the job. */
    private static CheckTask task(String checkId, String jobId, Instant deadline) {
        String ref = DataKeyRef.of("acme", jobId, "sub-1");
        try (var keys = new KafkaProducer<>(kafka.producer("test-keys"), Topics.JOB_KEYS.keySerde().serializer(),
                Topics.JOB_KEYS.valueSerde().serializer())) {
            keys.send(new ProducerRecord<>(Topics.JOB_KEYS.name(), ref, DataKeyIssuer.issue(ref).wrapped())).get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot store the test's data key", e);
        }
        return new CheckTask(CheckTask.SCHEMA_VERSION, "acme", jobId, "public-kyc", checkId, UUID.randomUUID().toString(),
                1, deadline, Json.mapper().createObjectNode(), Json.mapper().createObjectNode().put("id", "c"), ref);
    }

    private static void produce(CheckTask... tasks) {
        try (var producer = new KafkaProducer<>(kafka.producer("test-tasks"), Topics.checkTasks(tasks[0].checkId()).keySerde().serializer(),
                Topics.CHECK_TASK_SERDE.serializer())) {
            for (CheckTask t : tasks) {
                producer.send(new ProducerRecord<>(Topics.checkTasks(t.checkId()).name(), "acme/" + t.jobId(), t));
            }
        }
    }

    private static List<CheckResult> results(Predicate<CheckResult> wanted, int count, Duration timeout) {
        Properties props = kafka.readCommittedConsumer("test-results-" + UUID.randomUUID());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<CheckResult> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, Topics.CHECK_RESULTS.keySerde().deserializer(),
                Topics.CHECK_RESULTS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.CHECK_RESULTS.name()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (wanted.test(r.value())) {
                        found.add(r.value());
                    }
                });
            }
        }
        return found;
    }

    @Test
    void aQuickCheckReportsOnlyItsVerdict() {
        try (var workers = new CheckWorkersService(kafka, MASTER_KEYS, List.of(new TestCheck("test.echo", new CountDownLatch(0), false)),
                4, Duration.ofSeconds(5), "t1").start()) {
            String jobId = UUID.randomUUID().toString();
            produce(task("test.echo", jobId, Instant.now().plusSeconds(60)));
            // A job's results share a key, so a partition, so their order: a running notice would be read first.
            List<CheckResult> got = results(r -> r.jobId().equals(jobId), 1, Duration.ofSeconds(30));
            assertEquals(List.of(CheckStatus.COMPLETE), got.stream().map(CheckResult::status).toList());
            assertEquals(Boolean.TRUE, got.getFirst().passed());
            assertEquals("TestResult", got.getFirst().payload().get("type").asText());
        }
    }

    @Test
    void aCheckStillRunningAfterTheNoticePeriodReportsRunningThenItsVerdict() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (var workers = new CheckWorkersService(kafka, MASTER_KEYS, List.of(new TestCheck("test.slow", gate, false)),
                4, Duration.ofMillis(200), "t1b").start()) {
            String jobId = UUID.randomUUID().toString();
            produce(task("test.slow", jobId, Instant.now().plusSeconds(60)));
            List<CheckResult> notice;
            try {
                notice = results(r -> r.jobId().equals(jobId), 1, Duration.ofSeconds(30));
            } finally {
                gate.countDown();
            }
            assertEquals(List.of(CheckStatus.RUNNING), notice.stream().map(CheckResult::status).toList());
            List<CheckResult> got = results(r -> r.jobId().equals(jobId), 2, Duration.ofSeconds(30));
            assertEquals(List.of(CheckStatus.RUNNING, CheckStatus.COMPLETE), got.stream().map(CheckResult::status).toList());
            assertEquals(Boolean.TRUE, got.get(1).passed());
        }
    }

    @Test
    void aThrowingCheckIsAnErrorResultThatNamesNoData() {
        try (var workers = new CheckWorkersService(kafka, MASTER_KEYS, List.of(new TestCheck("test.boom", new CountDownLatch(0), true)), 4, "t2").start()) {
            String jobId = UUID.randomUUID().toString();
            produce(task("test.boom", jobId, Instant.now().plusSeconds(60)));
            CheckResult last = results(r -> r.jobId().equals(jobId) && r.status().isFinal(), 1, Duration.ofSeconds(30)).getFirst();
            assertEquals(CheckStatus.ERROR, last.status());
            assertEquals("exception", last.error().code());
            assertTrue(!last.error().message().contains("Jane"), last.error().message());
        }
    }

    @Test
    void aHangingCheckEndsInErrorAtItsDeadlineAndALateTaskIsSkipped() {
        CountDownLatch never = new CountDownLatch(1);
        try (var workers = new CheckWorkersService(kafka, MASTER_KEYS, List.of(new TestCheck("test.hang", never, false)), 4, "t3").start()) {
            String late = UUID.randomUUID().toString();
            String hanging = UUID.randomUUID().toString();
            produce(task("test.hang", late, Instant.now().minusSeconds(1)), task("test.hang", hanging, Instant.now().plusSeconds(3)));
            CheckResult timedOut = results(r -> r.jobId().equals(hanging) && r.status().isFinal(), 1, Duration.ofSeconds(30)).getFirst();
            assertEquals("timed_out", timedOut.error().code());
            assertTrue(results(r -> r.jobId().equals(late), 1, Duration.ofSeconds(2)).isEmpty(), "a task past its deadline is not run");
        } finally {
            never.countDown();
        }
    }

    /** Counts how many of its runs overlap, and the most at once. */
    private record CountingCheck(String id, AtomicInteger running, AtomicInteger most) implements Check {
        @Override
        public CheckVerdict run(CheckTask task) throws Exception {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } finally {
                running.decrementAndGet();
            }
            return new CheckVerdict(true, "fine", "all good", Json.mapper().createObjectNode().put("type", "TestResult"), List.of());
        }
    }

    @Test
    void moreTasksThanItRunsAtOnceAllFinishWithinTheBound() {
        AtomicInteger most = new AtomicInteger();
        try (var workers = new CheckWorkersService(kafka, MASTER_KEYS,
                List.of(new CountingCheck("test.count", new AtomicInteger(), most)), 2, "t4").start()) {
            List<CheckTask> tasks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                tasks.add(task("test.count", UUID.randomUUID().toString(), Instant.now().plusSeconds(60)));
            }
            produce(tasks.toArray(CheckTask[]::new));
            List<String> jobIds = tasks.stream().map(CheckTask::jobId).toList();
            List<CheckResult> finals = results(r -> jobIds.contains(r.jobId()) && r.status().isFinal(), 12, Duration.ofSeconds(30));
            assertEquals(12, finals.size(), "every task past the in-flight bound still runs");
            assertTrue(most.get() <= 2, "at most 2 tasks at once, saw " + most.get());
        }
    }
}
