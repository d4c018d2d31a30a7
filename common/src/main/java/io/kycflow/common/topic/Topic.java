package io.kycflow.common.topic;

import org.apache.kafka.common.serialization.Serde;

import java.time.Duration;
import java.util.Map;

/**
 * A topic with its serdes and how it is kept: the only place its name and types are written down.
 * {@code retention} is null for compacted topics; {@code configs} are further topic settings set at creation.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, CleanupPolicy cleanupPolicy,
                          Duration retention, Map<String, String> configs) {

    public Topic {
        configs = Map.copyOf(configs);
    }

    public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde, CleanupPolicy cleanupPolicy, Duration retention) {
        this(name, keySerde, valueSerde, cleanupPolicy, retention, Map.of());
    }

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
