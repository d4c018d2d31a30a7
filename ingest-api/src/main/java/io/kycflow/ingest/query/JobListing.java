package io.kycflow.ingest.query;

import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobKey;
import io.kycflow.ingest.registry.JobIndex;
import io.kycflow.ingest.registry.RegistryNames;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Lists the jobs this instance owns, newest first, through the job index store: a case's jobs by key
 * prefix, the others by a reverse range scan of the time entries from the cursor down, per partition
 * (each in order), stopping at {@code limit} matches. The API merges the pages of every instance.
 */
public final class JobListing {

    /** Newest first; ties by job id, the order of the time index read backwards. */
    public static final Comparator<Job> ORDER = Comparator.comparing(Job::createdAt)
            .thenComparing(Job::id).reversed();

    private final KafkaStreams streams;

    public JobListing(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * Up to {@code limit} local jobs matching {@code filter}, newest first, strictly after {@code cursor}
     * (a {@link JobIndex#timePosition}) when given.
     *
     * @throws InvalidStateStoreException when the stores are not queryable (a rebalance)
     */
    public List<Job> list(JobFilter filter, Optional<String> cursor, int limit) {
        List<Job> found = new ArrayList<>();
        for (int partition : localPartitions()) {
            ReadOnlyKeyValueStore<String, String> index = store(RegistryNames.JOB_INDEX_STORE, partition);
            ReadOnlyKeyValueStore<String, Job> jobs = store(RegistryNames.JOB_STORE, partition);
            if (filter.caseId().isPresent()) {
                String prefix = JobIndex.casePrefix(filter.tenantId(), filter.caseId().get());
                try (KeyValueIterator<String, String> it = index.prefixScan(prefix, new StringSerializer())) {
                    it.forEachRemaining(entry -> take(jobs, entry.value, filter, cursor, found));
                }
            } else {
                String prefix = JobIndex.timePrefix(filter.tenantId());
                String low = prefix + filter.createdAfter().map(JobIndex::timeBound).orElse("");
                String high = cursor.map(c -> prefix + c).orElse(JobIndex.timeEnd(filter.tenantId()));
                int matched = 0;
                try (KeyValueIterator<String, String> it = index.reverseRange(low, high)) {
                    while (it.hasNext() && matched < limit) {
                        var entry = it.next();
                        if (cursor.isPresent() && entry.key.equals(high)) {
                            continue; // the cursor's own job was on the previous page
                        }
                        if (take(jobs, entry.value, filter, cursor, found)) {
                            matched++;
                        }
                    }
                }
            }
        }
        found.sort(ORDER);
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
    }

    private static boolean take(ReadOnlyKeyValueStore<String, Job> jobs, String jobId, JobFilter filter,
                                Optional<String> cursor, List<Job> found) {
        Job job = jobs.get(new JobKey(filter.tenantId(), jobId).toString());
        if (job == null || !filter.matches(job)) {
            return false;
        }
        if (cursor.isPresent() && JobIndex.timePosition(job.createdAt(), job.id()).compareTo(cursor.get()) >= 0) {
            return false;
        }
        found.add(job);
        return true;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name, int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
                .withPartition(partition));
    }

    /** Every other API instance of the registry: a listing asks each of them for its part. */
    public List<HostInfo> otherInstances(HostInfo self) {
        return streams.metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self) && host.port() > 0).distinct().toList();
    }

    /** The partitions whose registry tasks run here (active only: a standby may lag). */
    private List<Integer> localPartitions() {
        TreeSet<Integer> partitions = new TreeSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                task.topicPartitions().forEach(tp -> partitions.add(tp.partition()));
            }
        }
        return List.copyOf(partitions);
    }
}
