package io.kycflow.ingest.auth;

import io.kycflow.common.apikey.ApiKeyRecord;
import io.kycflow.common.json.Json;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps an {@link ApiKeyRegistry} up to date with the compacted {@code kyc.api-keys} topic: reads it whole
 * at start ({@link #start} returns once caught up, so a restarted instance knows every key before it takes
 * traffic), then follows it, so a key created or revoked anywhere takes effect on every instance within
 * moments. No consumer group: every instance reads every key.
 */
public final class ApiKeyFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyFollower.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final ApiKeyRegistry registry;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    public ApiKeyFollower(KafkaClientSettings kafka, String instanceName, ApiKeyRegistry registry) {
        this.registry = registry;
        this.consumer = new KafkaConsumer<>(kafka.readCommittedConsumer("api-keys-" + instanceName),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::follow, "api-key-follower");
        this.thread.setDaemon(true);
    }

    /** Starts following and waits until every key written before now is applied (or {@code timeout}). */
    public ApiKeyFollower start(Duration timeout) {
        thread.start();
        try {
            if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("the API keys topic was not read to its end within {}; keys may be missing for a moment", timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    private void follow() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.API_KEYS.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                if (caughtUp.getCount() > 0 && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("the API key follower stopped: keys created or revoked from now on are not seen here", e);
        } finally {
            caughtUp.countDown();
            consumer.close();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone: keys are revoked, not deleted, so nothing to undo
        }
        try {
            registry.apply(Json.fromBytes(record.value(), ApiKeyRecord.class));
        } catch (RuntimeException e) {
            log.error("skipping an unreadable API key record at offset {} ({})", record.offset(), e.getClass().getSimpleName());
        }
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
