package io.kycflow.ingest.auth;

import io.kycflow.common.apikey.ApiKeyRecord;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates and revokes API keys on the shared {@code kyc.api-keys} topic: what {@code kycflow apikey} does
 * against a running system. Writes wait for acks=all, so a key printed is a key every instance will learn.
 */
public final class ApiKeyPublisher implements AutoCloseable {

    private final KafkaClientSettings kafka;
    private final KafkaProducer<String, ApiKeyRecord> producer;
    private final Clock clock;

    public ApiKeyPublisher(KafkaClientSettings kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
        this.producer = new KafkaProducer<>(kafka.producer("kycflow-apikeys"), Topics.API_KEYS.keySerde().serializer(),
                Topics.API_KEYS.valueSerde().serializer());
    }

    /** A new key for {@code tenantId}: published as a hash; the returned key is the only copy of its secret. */
    public ApiKey create(String tenantId, Set<String> scopes) {
        ApiKey key = ApiKey.generate();
        publish(ApiKeyRegistry.recordOf(tenantId, key, scopes, clock.instant()));
        return key;
    }

    /**
     * Publishes an existing key (a seed from configuration) so every instance accepts it, unless the topic
     * has it already: a restart must never un-revoke a key someone revoked.
     */
    public void publishIfAbsent(String tenantId, ApiKey key, Set<String> scopes) {
        if (find(key.keyId()).isEmpty()) {
            publish(ApiKeyRegistry.recordOf(tenantId, key, scopes, clock.instant()));
        }
    }

    /** Revokes a key everywhere; empty when no such key was ever published. */
    public Optional<ApiKeyRecord> revoke(String keyId) {
        Optional<ApiKeyRecord> current = find(keyId);
        current.ifPresent(record -> publish(record.revokedAt(clock.instant())));
        return current.map(record -> record.revokedAt(clock.instant()));
    }

    private Optional<ApiKeyRecord> find(String keyId) {
        try (KafkaConsumer<String, ApiKeyRecord> consumer = new KafkaConsumer<>(kafka.readCommittedConsumer("kycflow-apikeys-find"),
                Topics.API_KEYS.keySerde().deserializer(), Topics.API_KEYS.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.API_KEYS.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            ApiKeyRecord found = null;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (keyId.equals(record.key()) && record.value() != null) {
                        found = record.value();
                    }
                }
            }
            return Optional.ofNullable(found);
        }
    }

    private void publish(ApiKeyRecord record) {
        try {
            producer.send(new ProducerRecord<>(Topics.API_KEYS.name(), record.keyId(), record)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing API key " + record.keyId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("API key " + record.keyId() + " could not be written to "
                    + Topics.API_KEYS.name() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
