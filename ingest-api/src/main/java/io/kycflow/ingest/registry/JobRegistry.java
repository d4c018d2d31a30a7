package io.kycflow.ingest.registry;

import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.topic.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The registry's life cycle: Kafka Streams running {@link JobRegistryTopology} with
 * {@code exactly_once_v2}, its stores under the data directory, advertising this API instance's
 * address so that any instance can find the owner of a job.
 */
public final class JobRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobRegistry.class);

    private final KafkaStreams streams;
    private final StreamsCatchUpMonitor catchUp = new StreamsCatchUpMonitor(Clock.systemUTC());
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "registry-catch-up-monitor");
        t.setDaemon(true);
        return t;
    });

    private final Admin admin;
    private final RegistryAvailability availability = new RegistryAvailability();

    public JobRegistry(KycflowConfig config, KafkaClientSettings kafka, String instanceName, String applicationServer) {
        this.admin = Admin.create(kafka.admin("registry-catch-up-" + instanceName));
        this.streams = new KafkaStreams(JobRegistryTopology.build(catchUp, JobRegistryTopology.DEFAULT_TIMEOUT_SCAN),
                properties(config, kafka, instanceName, applicationServer));
        availability.attachTo(streams);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("registry stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    /**
     * The registry's Kafka Streams settings for one instance. Public so that the ingest benchmark's bare
     * dedup pattern runs with exactly these (under its own application id), not a copy that could drift.
     */
    public static Properties properties(KycflowConfig config, KafkaClientSettings kafka, String instanceName,
                                        String applicationServer) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, RegistryNames.APPLICATION_ID);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(StreamsConfig.CLIENT_ID_CONFIG, "registry-" + instanceName);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Outcomes are visible at commit: the commit interval bounds the 200/409 latency.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        // A command arriving just after a commit must not wait in a long poll before its own commit.
        p.put(StreamsConfig.POLL_MS_CONFIG, Math.max(1, config.commitInterval().toMillis()));
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir(instanceName).toString());
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        // Static membership: an instance killed and restarted under its name takes its partitions straight
        // back (its state directory keeps the same process id, which also fences the dead one's transaction).
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceName);
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        // A warm copy of each store on another instance: when an instance stops or dies its partitions move to
        // one that already holds their stores, so reads wait for a rebalance, not for a restore from the changelog.
        // With a single instance there is nowhere to put it, and Streams simply assigns none.
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.replicationFactor().map(Short::intValue).orElse(-1));
        // The changelogs hold the registry's state of record (the job ids taken): as durable as kycflow's own topics.
        config.replicationFactor().ifPresent(rf -> p.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
                Integer.toString(TopicProvisioner.minInSyncReplicas(rf))));
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        p.put(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, Long.toString(config.rocksDbMemoryBytes()));
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // Inside a transaction nothing is visible before the commit, and the commit flushes the producer (a
        // flush ignores linger.ms), so lingering up to one commit interval costs no latency: each partition's
        // records of a commit cycle leave in one batch, with one wake-up of the sender and one produce request,
        // instead of a new batch for nearly every record (measured +36% accepted jobs/s over 5 ms;
        // docs/performance.md). Lingering far past the commit (1 s) was measured slower: the whole transaction's
        // sends then sit inside the commit, on every request's path.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), Math.max(1, config.commitInterval().toMillis()));
        // CONCURRENT_TRANSACTIONS right after a commit is retried soon rather than after 100 ms.
        p.put(StreamsConfig.producerPrefix("retry.backoff.ms"), 10);
        p.put(StreamsConfig.consumerPrefix("max.poll.records"), 500);
        p.put(StreamsConfig.consumerPrefix("fetch.max.wait.ms"), 50);
        return p;
    }

    public void start() {
        streams.start();
        monitor.scheduleWithFixedDelay(() -> {
            try {
                if (streams.state() == KafkaStreams.State.RUNNING) {
                    catchUp.refresh(streams, admin);
                }
            } catch (Exception e) {
                log.debug("catch-up refresh failed", e);
            }
        }, 250, 250, TimeUnit.MILLISECONDS);
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Streams' view of whether reads can be answered, and a way to wait for a change. */
    public RegistryAvailability availability() {
        return availability;
    }

    /**
     * Empty when this instance can answer reads of its partitions now (Streams running, nothing restoring,
     * every active job store queryable); otherwise what is missing.
     */
    public Optional<String> notReadyReason() {
        return availability.notReadyReason(streams);
    }

    /** Readiness turns false at once, before the HTTP server drains its requests and the registry closes. */
    public void beginShutdown() {
        availability.markStopping();
    }

    @Override
    public void close() {
        monitor.shutdownNow();
        admin.close(Duration.ofSeconds(5));
        // A clean stop leaves the group, so its partitions move to the other instances at once.
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
