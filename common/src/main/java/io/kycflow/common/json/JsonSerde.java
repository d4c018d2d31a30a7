package io.kycflow.common.json;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.UncheckedIOException;

/** A Kafka serde for one record type, written and read by {@link Json}. */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;
    private final boolean rememberWrites;

    public JsonSerde(Class<T> type) {
        this(type, false);
    }

    private JsonSerde(Class<T> type, boolean rememberWrites) {
        this.type = type;
        this.rememberWrites = rememberWrites;
    }

    /**
     * A serde that remembers what this thread wrote lately ({@link RecentlyWritten}): the same instance written
     * again gets the same bytes, and those bytes read back give that instance. For immutable values only.
     */
    public static <T> JsonSerde<T> rememberingWrites(Class<T> type) {
        return new JsonSerde<>(type, true);
    }

    @Override
    public Serializer<T> serializer() {
        if (rememberWrites) {
            return (topic, value) -> value == null ? null : RecentlyWritten.toBytes(value);
        }
        return (topic, value) -> value == null ? null : Json.toBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return rememberWrites ? RecentlyWritten.fromBytes(bytes, type) : Json.fromBytes(bytes, type);
            } catch (UncheckedIOException e) {
                throw new SerializationException("unreadable " + type.getSimpleName() + " on " + topic, e);
            }
        };
    }
}
