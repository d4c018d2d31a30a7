package io.kycflow.notifier;

import io.kycflow.common.json.Json;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.notification.DeliveryAttempt;
import io.kycflow.common.notification.DeliveryStatus;
import io.kycflow.common.notification.ParkedDelivery;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads what the notifier recorded (attempts, dead letters) straight from the broker, for assertions. */
final class DeliveryRecords implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    DeliveryRecords(KafkaClientSettings kafka) {
        consumer = new KafkaConsumer<>(kafka.readCommittedConsumer("delivery-records-" + System.nanoTime()),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.NOTIFICATION_ATTEMPTS.name(), Topics.NOTIFICATION_DLQ.name())) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The attempts of a job's deliveries, in attempt order, once there are at least {@code count}. */
    synchronized List<DeliveryAttempt> await(String jobKey, int count, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<DeliveryAttempt> attempts = attempts(jobKey);
            if (attempts.size() >= count || System.nanoTime() > deadline) {
                if (attempts.size() < count) {
                    throw new AssertionError("expected " + count + " attempts of " + jobKey + ", have " + attempts);
                }
                return attempts;
            }
        }
    }

    /** The attempts once one of them left the delivery in {@code state}. */
    synchronized List<DeliveryAttempt> awaitState(String jobKey, DeliveryStatus state, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<DeliveryAttempt> attempts = attempts(jobKey);
            if (attempts.stream().anyMatch(a -> a.state() == state)) {
                return attempts;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no attempt of " + jobKey + " reached " + state + ": " + attempts);
            }
        }
    }

    synchronized ParkedDelivery awaitDeadLetter(String jobKey, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            poll();
            Optional<ParkedDelivery> dead = seen.stream()
                    .filter(r -> r.topic().equals(Topics.NOTIFICATION_DLQ.name()) && jobKey.equals(r.key()))
                    .map(r -> Json.fromBytes(r.value(), ParkedDelivery.class)).findFirst();
            if (dead.isPresent()) {
                return dead.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no dead letter for " + jobKey);
            }
        }
    }

    private List<DeliveryAttempt> attempts(String jobKey) {
        poll();
        return seen.stream().filter(r -> r.topic().equals(Topics.NOTIFICATION_ATTEMPTS.name()) && jobKey.equals(r.key()))
                .map(r -> Json.fromBytes(r.value(), DeliveryAttempt.class))
                .sorted(Comparator.comparingInt(DeliveryAttempt::attempt).thenComparing(DeliveryAttempt::at))
                .toList();
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
