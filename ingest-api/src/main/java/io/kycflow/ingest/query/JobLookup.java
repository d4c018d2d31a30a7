package io.kycflow.ingest.query;

import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.notification.WebhookDeliveries;
import io.kycflow.ingest.registry.RegistryNames;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.Optional;

/**
 * Finds what the registry keeps of a job (the job, its webhook deliveries): here when this instance owns
 * the key, otherwise it says which instance does (the caller forwards), or that nobody can answer right
 * now (a rebalance). Both stores live in one task, so one job's owner answers for both.
 */
public final class JobLookup {

    /** Where an answer comes from. */
    public sealed interface Result<V> permits Found, Missing, Elsewhere, Unavailable {
    }

    public record Found<V>(V value) implements Result<V> {
    }

    public record Missing<V>() implements Result<V> {
    }

    public record Elsewhere<V>(HostInfo owner) implements Result<V> {
    }

    public record Unavailable<V>(String reason) implements Result<V> {
    }

    private final KafkaStreams streams;
    private final HostInfo self;

    public JobLookup(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    public Result<Job> find(JobKey key) {
        return find(RegistryNames.JOB_STORE, key);
    }

    /** The job's webhook and Slack deliveries, as far as the notifier has recorded them. */
    public Result<WebhookDeliveries> deliveries(JobKey key) {
        return find(RegistryNames.DELIVERY_LOG_STORE, key);
    }

    private <V> Result<V> find(String storeName, JobKey key) {
        try {
            KeyQueryMetadata metadata = streams.queryMetadataForKey(storeName, key.toString(),
                    Serdes.String().serializer());
            if (metadata == null || metadata == KeyQueryMetadata.NOT_AVAILABLE
                    || metadata.activeHost() == null || metadata.activeHost().port() < 0) {
                return new Unavailable<>("the job registry is rebalancing");
            }
            if (!metadata.activeHost().equals(self)) {
                return new Elsewhere<>(metadata.activeHost());
            }
            ReadOnlyKeyValueStore<String, V> store = streams.store(StoreQueryParameters
                    .fromNameAndType(storeName, QueryableStoreTypes.<String, V>keyValueStore())
                    .withPartition(metadata.partition()));
            return Optional.ofNullable(store.get(key.toString())).<Result<V>>map(Found::new).orElseGet(Missing::new);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            return new Unavailable<>("the job registry is not ready");
        }
    }
}
