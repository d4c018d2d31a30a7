package io.kycflow.common.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The partitions of a topic a reader assigns itself, once the topic exists (it may be created after the reader). */
public final class TopicPartitions {

    private static final Logger log = LoggerFactory.getLogger(TopicPartitions.class);

    private TopicPartitions() {
    }

    /**
     * Every partition of {@code topic}, waiting while it does not exist yet; a {@link WakeupException} once
     * {@code running} turns false (or the thread is interrupted), as a woken consumer would throw.
     */
    public static List<TopicPartition> await(Consumer<?, ?> consumer, String topic, BooleanSupplier running) {
        while (running.getAsBoolean()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            }
            log.info("waiting for topic {} to exist", topic);
            try {
                Thread.sleep(500); // an unknown topic is answered at once: do not spin
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new WakeupException();
    }
}
