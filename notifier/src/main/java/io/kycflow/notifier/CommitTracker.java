package io.kycflow.notifier;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Which offsets may be committed. Per partition, the committable offset is the lowest event whose
 * deliveries have not ended, or one past the highest event read when none is open: a commit never
 * passes an event still being delivered, so a crash sends it again rather than losing it. Deliveries
 * end on other threads and report through a queue; everything else runs on the consumer's thread.
 */
final class CommitTracker {

    private record Ended(TopicPartition partition, long offset) {
    }

    private static final class Progress {
        final TreeSet<Long> open = new TreeSet<>();
        long nextAfterRead = -1;
        long lastCommitted = -1;
    }

    private final Map<TopicPartition, Progress> partitions = new HashMap<>();
    private final Queue<Ended> ended = new ConcurrentLinkedQueue<>();
    private int open;

    /** An event whose deliveries have started (consumer thread). */
    void opened(TopicPartition partition, long offset) {
        Progress progress = progress(partition, offset);
        if (progress.open.add(offset)) {
            open++;
        }
    }

    /** An event with nothing to deliver (consumer thread). */
    void skipped(TopicPartition partition, long offset) {
        progress(partition, offset);
    }

    /** An event's deliveries have all ended (any thread). */
    void ended(TopicPartition partition, long offset) {
        ended.add(new Ended(partition, offset));
    }

    /** Events still being delivered, after taking in what has ended. */
    int openCount() {
        drain();
        return open;
    }

    /** The offsets to commit now, for partitions whose committable offset moved. */
    Map<TopicPartition, OffsetAndMetadata> committable() {
        drain();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        partitions.forEach((partition, progress) -> {
            long offset = progress.open.isEmpty() ? progress.nextAfterRead : progress.open.first();
            if (offset > progress.lastCommitted) {
                offsets.put(partition, new OffsetAndMetadata(offset));
            }
        });
        return offsets;
    }

    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            Progress progress = partitions.get(partition);
            if (progress != null) {
                progress.lastCommitted = Math.max(progress.lastCommitted, offset.offset());
            }
        });
    }

    /** Forgets partitions this consumer no longer owns; their open deliveries go on, and whoever owns them now re-reads them. */
    void revoked(Collection<TopicPartition> revoked) {
        drain();
        for (TopicPartition partition : revoked) {
            Progress progress = partitions.remove(partition);
            if (progress != null) {
                open -= progress.open.size();
            }
        }
    }

    private Progress progress(TopicPartition partition, long offset) {
        Progress progress = partitions.computeIfAbsent(partition, p -> new Progress());
        progress.nextAfterRead = Math.max(progress.nextAfterRead, offset + 1);
        return progress;
    }

    private void drain() {
        Ended e;
        while ((e = ended.poll()) != null) {
            Progress progress = partitions.get(e.partition());
            if (progress != null && progress.open.remove(e.offset())) {
                open--;
            }
        }
    }
}
