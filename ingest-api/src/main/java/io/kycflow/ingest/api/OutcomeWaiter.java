package io.kycflow.ingest.api;

import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Completes the HTTP requests waiting for the registry's answer. One consumer without a group reads
 * every partition of {@code kyc.job-command-outcomes} ({@code read_committed}) from the end, positioned
 * before the API serves traffic, so no outcome is missed; requests register before they produce.
 */
public final class OutcomeWaiter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutcomeWaiter.class);

    private final KafkaConsumer<String, CommandOutcome> consumer;
    private final Map<String, CompletableFuture<CommandOutcome>> waiting = new ConcurrentHashMap<>();
    // Completing a future runs the request's continuation (rendering and writing the HTTP answer) on the
    // completing thread: done on the poll thread, every answer would be written one after another there,
    // and the next outcomes would wait for them.
    private final ExecutorService completions = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread thread;
    private volatile boolean running = true;

    public OutcomeWaiter(KafkaClientSettings kafka, String instanceName) {
        this.consumer = new KafkaConsumer<>(kafka.readCommittedConsumer("outcomes-" + instanceName),
                Topics.JOB_COMMAND_OUTCOMES.keySerde().deserializer(), Topics.JOB_COMMAND_OUTCOMES.valueSerde().deserializer());
        this.thread = new Thread(this::pollLoop, "outcome-waiter-" + instanceName);
        this.thread.setDaemon(true);
    }

    /** Positions at the end of every partition (forcing the lazy seek), then starts reading. */
    public void start() {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.JOB_COMMAND_OUTCOMES.name(), Duration.ofSeconds(30))
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30)));
        thread.start();
    }

    /** Registers interest in a submission's outcome; call before producing the command. */
    public CompletableFuture<CommandOutcome> register(String submissionId) {
        CompletableFuture<CommandOutcome> future = new CompletableFuture<>();
        waiting.put(submissionId, future);
        return future;
    }

    public void forget(String submissionId) {
        waiting.remove(submissionId);
    }

    /** Positioned and polling: outcomes written from now on reach their requests. */
    public boolean isReading() {
        return running && thread.isAlive();
    }

    public int waitingCount() {
        return waiting.size();
    }

    private void pollLoop() {
        try {
            while (running) {
                for (ConsumerRecord<String, CommandOutcome> record : consumer.poll(Duration.ofMillis(200))) {
                    CommandOutcome outcome = record.value();
                    if (outcome == null) {
                        continue;
                    }
                    CompletableFuture<CommandOutcome> future = waiting.remove(outcome.submissionId());
                    if (future != null) {
                        completions.execute(() -> future.complete(outcome));
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("outcome consumer stopped; pending requests will answer 503", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        completions.close();
    }
}
