package io.kycflow.ingest.query;

import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.notification.WebhookDeliveries;
import io.kycflow.ingest.registry.RegistryAvailability;
import io.kycflow.ingest.registry.RegistryNames;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Duration;
import java.util.Optional;

/**
 * Finds what the registry keeps of a job (the job, its webhook deliveries): here when this instance owns
 * the key (or holds a standby copy while the owner is moving), otherwise it says which instance does (the
 * caller forwards). A lookup that meets a rebalance or a restoring store waits for Kafka Streams to report
 * a change, up to the read's deadline, and only then says that nobody can answer. Both stores live in one
 * task, so one job's owner answers for both.
 */
public final class JobLookup {

    /** Between two looks when Streams reports nothing: key metadata can settle without a callback. */
    private static final Duration LOOK_AGAIN = Duration.ofMillis(100);

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
    private final RegistryAvailability availability;

    public JobLookup(KafkaStreams streams, HostInfo self, RegistryAvailability availability) {
        this.streams = streams;
        this.self = self;
        this.availability = availability;
    }

    public Result<Job> find(JobKey key, ReadDeadline deadline) {
        return find(RegistryNames.JOB_STORE, key, deadline);
    }

    /** The job's webhook and Slack deliveries, as far as the notifier has recorded them. */
    public Result<WebhookDeliveries> deliveries(JobKey key, ReadDeadline deadline) {
        return find(RegistryNames.DELIVERY_LOG_STORE, key, deadline);
    }

    /** Waits a little for the registry to change (after an owner did not answer, say). */
    public void awaitChange(ReadDeadline deadline) {
        try {
            availability.awaitChange(min(LOOK_AGAIN, deadline.remaining()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <V> Result<V> find(String storeName, JobKey key, ReadDeadline deadline) {
        while (true) {
            Result<V> result = findNow(storeName, key);
            if (!(result instanceof Unavailable<V>) || deadline.passed() || Thread.currentThread().isInterrupted()) {
                return result;
            }
            awaitChange(deadline);
        }
    }

    private <V> Result<V> findNow(String storeName, JobKey key) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(storeName, key.toString(), Serdes.String().serializer());
        } catch (IllegalStateException e) {
            return new Unavailable<>("the job registry is not ready");
        }
        if (metadata == null || metadata == KeyQueryMetadata.NOT_AVAILABLE) {
            return new Unavailable<>("the job registry is rebalancing");
        }
        HostInfo active = metadata.activeHost();
        boolean activeKnown = active != null && active.port() >= 0;
        if (activeKnown && !active.equals(self)) {
            return new Elsewhere<>(active);
        }
        if (activeKnown) {
            Optional<Result<V>> local = query(storeName, key, metadata.partition(), false);
            if (local.isPresent()) {
                return local.get();
            }
        }
        if (metadata.standbyHosts().contains(self)) {
            // The owner is moving or restoring: a standby copy may lag by a commit, so only a job it holds is
            // an answer; "not there" could be a copy that is behind, and the read waits for the owner instead.
            Optional<Result<V>> standby = query(storeName, key, metadata.partition(), true);
            if (standby.isPresent() && standby.get() instanceof Found<V>) {
                return standby.get();
            }
        }
        return new Unavailable<>(activeKnown ? "the job store is being restored" : "the job registry is rebalancing");
    }

    /** Empty when the store partition is not queryable here right now. */
    private <V> Optional<Result<V>> query(String storeName, JobKey key, int partition, boolean standby) {
        StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> parameters = StoreQueryParameters
                .fromNameAndType(storeName, QueryableStoreTypes.<String, V>keyValueStore())
                .withPartition(partition);
        try {
            ReadOnlyKeyValueStore<String, V> store = streams.store(standby ? parameters.enableStaleStores() : parameters);
            return Optional.of(Optional.ofNullable(store.get(key.toString()))
                    .<Result<V>>map(Found::new).orElseGet(Missing::new));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
