package io.kycflow.common.topic;

import org.apache.kafka.common.serialization.Serde;

import java.time.Duration;

/**
 * A topic with its serdes and how it is kept: the only place its name and types are written down.
 * {@code retention} is null for compacted topics.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, CleanupPolicy cleanupPolicy,
                          Duration retention) {

    public enum CleanupPolicy {
        DELETE("delete"), COMPACT("compact");

        private final String config;

        CleanupPolicy(String config) {
            this.config = config;
        }

        public String config() {
            return config;
        }
    }
}
