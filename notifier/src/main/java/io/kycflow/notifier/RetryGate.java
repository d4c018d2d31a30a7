package io.kycflow.notifier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Holds retry-tier partitions whose next record is not due yet: the consumer seeks back to that record
 * and pauses the partition until then. Every record of a tier waits the same delay, so a tier's records
 * come due in order and only the head ever needs waiting for; other tiers and partitions go on.
 * Consumer thread only.
 */
final class RetryGate {

    private record Held(Instant dueAt, Instant firstAttemptAt) {
    }

    private final Map<TopicPartition, Held> held = new HashMap<>();

    /** True when the partition is held: its remaining records in this poll are read again later. */
    boolean holds(TopicPartition partition) {
        return held.containsKey(partition);
    }

    /** Holds {@code partition} at {@code offset} until {@code dueAt}. */
    void hold(Consumer<?, ?> consumer, TopicPartition partition, long offset, Instant dueAt, Instant firstAttemptAt) {
        consumer.seek(partition, offset);
        consumer.pause(Set.of(partition));
        held.put(partition, new Held(dueAt, firstAttemptAt));
    }

    /** Resumes the partitions whose head has come due. */
    void releaseDue(Consumer<?, ?> consumer, Instant now) {
        var due = held.entrySet().stream().filter(e -> !e.getValue().dueAt().isAfter(now)).map(Map.Entry::getKey).toList();
        if (!due.isEmpty()) {
            due.forEach(held::remove);
            consumer.resume(due.stream().filter(consumer.assignment()::contains).toList());
        }
    }

    void revoked(Collection<TopicPartition> partitions) {
        partitions.forEach(held::remove);
    }

    /** The first attempt of the oldest delivery held at a tier's head. */
    Optional<Instant> oldestFirstAttempt() {
        return held.values().stream().map(Held::firstAttemptAt).min(Instant::compareTo);
    }
}
