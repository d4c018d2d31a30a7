package io.kycflow.common.json;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.UncheckedIOException;

/** A Kafka serde for one record type, written and read by {@link Json}. */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;
    private final boolean rememberLastWrite;

    public JsonSerde(Class<T> type) {
        this(type, false);
    }

    private JsonSerde(Class<T> type, boolean rememberLastWrite) {
        this.type = type;
        this.rememberLastWrite = rememberLastWrite;
    }

    /** A serde whose writer hands the same instance written twice in a row the same bytes ({@link LastWritten}). */
    public static <T> JsonSerde<T> rememberingLastWrite(Class<T> type) {
        return new JsonSerde<>(type, true);
    }

    @Override
    public Serializer<T> serializer() {
        if (rememberLastWrite) {
            return (topic, value) -> value == null ? null : LastWritten.toBytes(value);
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
                return Json.fromBytes(bytes, type);
            } catch (UncheckedIOException e) {
                throw new SerializationException("unreadable " + type.getSimpleName() + " on " + topic, e);
            }
        };
    }
}
