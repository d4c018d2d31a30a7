package io.kycflow.ingest.registry;

import io.kycflow.common.topic.Topics;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learns how far the registry has caught up with {@code kyc.check-results} from Kafka Streams' own task
 * metadata. Every refresh notes each partition's end offset with the time; once the committed offset
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

    /** Called periodically with the running instance. */
    void refresh(KafkaStreams streams) {
        Instant now = clock.instant();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                for (TopicPartition tp : task.topicPartitions()) {
                    if (!tp.topic().equals(Topics.CHECK_RESULTS.name())) {
                        continue;
                    }
                    Long end = task.endOffsets().get(tp);
                    Long committed = task.committedOffsets().get(tp);
                    observe(tp.partition(), now, end, committed);
                }
            }
        }
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
