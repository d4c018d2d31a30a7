package io.kycflow.ingest.registry;

import io.kycflow.common.topic.Topics;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.state.QueryableStoreTypes;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the registry's stores can answer reads now, and a way to wait until they may: fed by Kafka
 * Streams' own state listener and restore listener, so a read that meets a rebalance or a restoring store
 * wakes as soon as Streams says something changed instead of failing at once.
 */
public final class RegistryAvailability implements KafkaStreams.StateListener, StateRestoreListener {

    private final Set<TopicPartition> restoring = ConcurrentHashMap.newKeySet();
    private final Object changes = new Object();
    private long generation;
    private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
    private volatile boolean stopping;

    /** Installs itself on {@code streams}; call before {@code start()}. */
    void attachTo(KafkaStreams streams) {
        streams.setStateListener(this);
        streams.setGlobalStateRestoreListener(this);
    }

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        state = newState;
        signal();
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        restoring.add(partition);
        signal();
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
        // progress inside one restoration changes nothing a reader can use
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        restoring.remove(partition);
        signal();
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
        restoring.remove(partition);
        signal();
    }

    /** The instance is closing: readiness says so at once, before the HTTP server drains. */
    void markStopping() {
        stopping = true;
        signal();
    }

    /**
     * Waits until Streams reports a change (state, a restoration ending) or {@code max} has passed.
     * Key metadata can settle without a callback, so callers keep {@code max} short and look again.
     */
    public void awaitChange(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (changes) {
            long seen = generation;
            long left;
            while (generation == seen && (left = deadline - System.nanoTime()) > 0) {
                changes.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private void signal() {
        synchronized (changes) {
            generation++;
            changes.notifyAll();
        }
    }

    /**
     * Empty when every job store of this instance's active tasks answers queries; otherwise what is
     * missing, for {@code /health/ready}.
     */
    Optional<String> notReadyReason(KafkaStreams streams) {
        if (stopping) {
            return Optional.of("the instance is shutting down");
        }
        KafkaStreams.State current = state;
        if (current != KafkaStreams.State.RUNNING) {
            return Optional.of("the job registry is " + current.name().toLowerCase().replace('_', ' '));
        }
        if (!restoring.isEmpty()) {
            return Optional.of("the job registry is restoring " + restoring.size() + " store partition(s) from Kafka");
        }
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                if (task.topicPartitions().stream().noneMatch(tp -> tp.topic().equals(Topics.JOB_COMMANDS.name()))) {
                    continue; // a task without the job store
                }
                int partition = task.taskId().partition();
                try {
                    streams.store(StoreQueryParameters.fromNameAndType(RegistryNames.JOB_STORE,
                            QueryableStoreTypes.keyValueStore()).withPartition(partition)).approximateNumEntries();
                } catch (InvalidStateStoreException e) {
                    return Optional.of("the job store of partition " + partition + " is not queryable yet");
                }
            }
        }
        // An instance that owns no partition (more instances than partitions, or warming up standbys) still
        // answers every read and write by forwarding: RUNNING with nothing to restore is ready.
        return Optional.empty();
    }
}
