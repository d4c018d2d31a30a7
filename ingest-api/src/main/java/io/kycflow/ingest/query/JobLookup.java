package io.kycflow.ingest.query;

import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.topic.Topics;
import io.kycflow.ingest.registry.RegistryNames;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.Optional;

/**
 * Finds a job in the registry's store: here when this instance owns the key, otherwise it says which
 * instance does (the caller forwards), or that nobody can answer right now (a rebalance).
 */
public final class JobLookup {

    /** Where a job's answer comes from. */
    public sealed interface Result permits Found, Missing, Elsewhere, Unavailable {
    }

    public record Found(Job job) implements Result {
    }

    public record Missing() implements Result {
    }

    public record Elsewhere(HostInfo owner) implements Result {
    }

    public record Unavailable(String reason) implements Result {
    }

    private final KafkaStreams streams;
    private final HostInfo self;

    public JobLookup(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    public Result find(JobKey key) {
        try {
            KeyQueryMetadata metadata = streams.queryMetadataForKey(RegistryNames.JOB_STORE, key.toString(),
                    Topics.JOBS.keySerde().serializer());
            if (metadata == null || metadata == KeyQueryMetadata.NOT_AVAILABLE
                    || metadata.activeHost() == null || metadata.activeHost().port() < 0) {
                return new Unavailable("the job registry is rebalancing");
            }
            if (!metadata.activeHost().equals(self)) {
                return new Elsewhere(metadata.activeHost());
            }
            ReadOnlyKeyValueStore<String, Job> store = streams.store(StoreQueryParameters
                    .fromNameAndType(RegistryNames.JOB_STORE, QueryableStoreTypes.<String, Job>keyValueStore())
                    .withPartition(metadata.partition()));
            return Optional.ofNullable(store.get(key.toString())).<Result>map(Found::new).orElseGet(Missing::new);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            return new Unavailable("the job registry is not ready");
        }
    }
}
