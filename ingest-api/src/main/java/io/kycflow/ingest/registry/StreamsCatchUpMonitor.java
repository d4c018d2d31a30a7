package io.kycflow.ingest.registry;

import io.kycflow.common.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Learns how far the registry has caught up with {@code kyc.check-results}: the broker's end offsets
 * against the committed offsets in Kafka Streams' task metadata. Every refresh notes each partition's end offset with the time; once the committed offset
 * reaches a noted end offset, every result written before that time has been processed.
 */
final class StreamsCatchUpMonitor implements CatchUpMonitor {

    private record Sample(Instant at, long endOffset) {
    }

    private final Clock clock;
    private final Map<Integer, Deque<Sample>> samples = new ConcurrentHashMap<>();
    private final Map<Integer, Instant> processedAsOf = new ConcurrentHashMap<>();

    StreamsCatchUpMonitor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant resultsProcessedAsOf(int partition) {
        return processedAsOf.getOrDefault(partition, Instant.EPOCH);
    }

    /**
     * Called periodically with the running instance. End offsets come from the broker, not from the
     * task metadata: a partition that never had a record has no end offset there, and its checks would
     * then never time out.
     */
    void refresh(KafkaStreams streams, Admin admin) throws Exception {
        Instant now = clock.instant();
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                for (TopicPartition tp : task.topicPartitions()) {
                    if (tp.topic().equals(Topics.CHECK_RESULTS.name())) {
                        committed.put(tp, task.committedOffsets().get(tp));
                    }
                }
            }
        }
        if (committed.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
        committed.forEach((tp, offset) -> observe(tp.partition(), now, ends.get(tp).offset(), offset));
    }

    void observe(int partition, Instant now, Long endOffset, Long committedOffset) {
        Deque<Sample> history = samples.computeIfAbsent(partition, p -> new ArrayDeque<>());
        synchronized (history) {
            if (endOffset != null && endOffset >= 0) {
                history.addLast(new Sample(now, endOffset));
            }
            // Nothing committed yet means nothing processed: only an empty partition counts as caught up.
            long committed = committedOffset == null || committedOffset < 0 ? 0 : committedOffset;
            Sample reached = null;
            while (!history.isEmpty() && history.peekFirst().endOffset() <= committed) {
                reached = history.pollFirst();
            }
            if (reached != null) {
                processedAsOf.put(partition, reached.at());
            }
            while (history.size() > 10_000) {
                history.pollFirst();
            }
        }
    }
}
