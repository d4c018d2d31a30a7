package io.kycflow.bench;

import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.topic.TopicProvisioner;
import io.kycflow.common.topic.Topics;
import io.kycflow.ingest.IngestApiService;
import io.kycflow.ingest.auth.ApiKeyRegistry;
import io.kycflow.ingest.auth.ApiKeySeeds;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The system under test, wired as the all-in-one wires it (embedded broker, topics, ingest API), plus the
 * raw path on the same broker and, when asked for, the PostgreSQL peer on a throw-away cluster. Everything
 * lives in temporary directories removed on close, so each run starts from empty stores, topics and tables.
 */
final class BenchmarkEnvironment implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkEnvironment.class);
    /** A fixed key for tenant default: the benchmark authenticates as Parcha clients do, with the key as bearer. */
    private static final String API_KEY = "kf_bench_BenchmarkSecret0123456789";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final String TRANSACTION_VERSION = "transaction.version";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path dataDir;
    private final KycflowConfig config;
    private final int partitions;
    private final short transactionVersion;
    private final Map<String, LoadTarget> targets;
    private final String postgresDescription;

    private BenchmarkEnvironment(Path dataDir, KycflowConfig config, int partitions, short transactionVersion,
                                 Map<String, LoadTarget> targets, String postgresDescription) {
        this.dataDir = dataDir;
        this.config = config;
        this.partitions = partitions;
        this.transactionVersion = transactionVersion;
        this.targets = targets;
        this.postgresDescription = postgresDescription;
    }

    static BenchmarkEnvironment start(BenchmarkOptions options, JobRequestBodies bodies) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("kycflow-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary data directory", e);
        }
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0);
            started.push(broker);
            KycflowConfig config = KycflowConfig.from(environment(options, dataDir, broker.bootstrapServers()));
            KafkaClientSettings kafka = new KafkaClientSettings(broker.bootstrapServers());
            AgentCatalog agents = AgentCatalog.load(config.agentsFile());
            int partitions = provisionTopics(config, kafka, agents);
            short transactionVersion = transactionVersion(kafka, options.transactionVersion());

            ApiKeyRegistry apiKeys = new ApiKeyRegistry();
            ApiKeySeeds.seedDefault(apiKeys, config.apiKey());
            IngestApiService api = new IngestApiService(config, kafka, agents, apiKeys, "bench-api").start();
            started.push(api);
            RawPathServer rawServer = new RawPathServer(kafka).start();
            started.push(rawServer);

            Map<String, String> bearer = Map.of("Authorization", "Bearer " + config.apiKey().orElseThrow());
            Map<String, LoadTarget> targets = new LinkedHashMap<>();
            targets.put("raw", new LoadTarget("raw", new InetSocketAddress("127.0.0.1", rawServer.port()),
                    RawPathServer.PATH, Map.of()));
            String postgresDescription = "";
            if (options.includes("postgres")) {
                PostgresCluster cluster = PostgresCluster.start();
                started.push(cluster);
                PostgresPeerServer peer = new PostgresPeerServer(cluster, options.postgresPool(),
                        config.apiKey().orElseThrow()).start();
                started.push(peer);
                targets.put("postgres", new LoadTarget("postgres", new InetSocketAddress("127.0.0.1", peer.port()),
                        PostgresPeerServer.PATH, bearer));
                postgresDescription = "PostgreSQL " + cluster.version() + " on 127.0.0.1:" + cluster.port()
                        + " (fsync on, synchronous_commit on), HikariCP pool of " + peer.poolSize();
            }
            if (options.includes("dedup")) {
                DedupFloorServer floor = new DedupFloorServer(kafka, config, options.dedupFanout(),
                        options.dedupFanoutBytes()).start();
                started.push(floor);
                targets.put("dedup", new LoadTarget("dedup", new InetSocketAddress("127.0.0.1", floor.port()),
                        DedupFloorServer.PATH, Map.of()));
            }
            targets.put("kycflow", new LoadTarget("kycflow", new InetSocketAddress("127.0.0.1", api.port()),
                    "/api/v1/startKYCAgentJob", bearer));
            targets.keySet().retainAll(options.targets());
            awaitReady(api.port());
            BenchmarkEnvironment environment = new BenchmarkEnvironment(dataDir, config, partitions, transactionVersion,
                    Map.copyOf(targets), postgresDescription);
            environment.started.addAll(started);
            environment.smokeTest(bodies);
            return environment;
        } catch (RuntimeException e) {
            closeAll(started);
            deleteRecursively(dataDir);
            throw e;
        }
    }

    /** The process environment, with what the benchmark decides itself: its broker, data, loopback, key. */
    private static Map<String, String> environment(BenchmarkOptions options, Path dataDir, String bootstrap) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.putIfAbsent("KYCFLOW_LISTS_DOWNLOAD", "off"); // a benchmark measures kycflow, not the publishers
        env.put("KYCFLOW_DATA_DIR", dataDir.toString());
        env.put("KYCFLOW_HTTP_HOST", "127.0.0.1");
        env.put("KYCFLOW_HTTP_PORT", "0");
        env.put("KYCFLOW_API_KEY", API_KEY);
        if (env.getOrDefault("KYCFLOW_AGENTS_FILE", "").isBlank()) {
            env.put("KYCFLOW_AGENTS_FILE", UntimedAgents.write(dataDir).toString());
        }
        // The benchmark measures capacity, not the per-tenant rate limit (1,000/s by default, below what one
        // instance does): lift it unless the caller set it on purpose.
        env.putIfAbsent("KYCFLOW_RATE_LIMIT", Integer.toString(Integer.MAX_VALUE));
        options.partitions().ifPresent(p -> env.put("KYCFLOW_PARTITIONS", Integer.toString(p)));
        return env;
    }

    /** Creates kycflow's topics as the all-in-one does on its embedded broker, and the benchmark's own alike. */
    private static int provisionTopics(KycflowConfig config, KafkaClientSettings kafka, AgentCatalog agents) {
        try (Admin admin = Admin.create(kafka.admin("bench-provisioner"))) {
            TopicProvisioner provisioner = TopicProvisioner.of(admin, config, TopicProvisioner.EMBEDDED_PARTITIONS);
            provisioner.ensure(Topics.all(agents.checkIds()));
            int partitions = provisioner.partitions();
            List<NewTopic> benchTopics = Stream.concat(
                            Stream.of(RawPathServer.TOPIC, DedupFloorServer.COMMANDS, DedupFloorServer.OUTCOMES),
                            IntStream.range(0, DedupFloorServer.FANOUT_TOPICS).mapToObj(DedupFloorServer::fanoutTopic))
                    .map(name -> new NewTopic(name, Optional.of(partitions), Optional.empty())
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)))
                    .toList();
            admin.createTopics(benchTopics).all().get(60, TimeUnit.SECONDS);
            return partitions;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the topics: " + e.getMessage(), e);
        }
    }

    /**
     * Sets the broker's {@code transaction.version} when asked (before any transactional producer starts,
     * so the registry uses that protocol from its first transaction), and returns the one in force.
     */
    private static short transactionVersion(KafkaClientSettings kafka, Optional<Short> wanted) {
        try (Admin admin = Admin.create(kafka.admin("bench-features"))) {
            if (wanted.isPresent()) {
                short current = finalizedTransactionVersion(admin);
                short target = wanted.get();
                if (target != current) {
                    FeatureUpdate.UpgradeType type = target < current
                            ? FeatureUpdate.UpgradeType.SAFE_DOWNGRADE : FeatureUpdate.UpgradeType.UPGRADE;
                    admin.updateFeatures(Map.of(TRANSACTION_VERSION, new FeatureUpdate(target, type)),
                            new UpdateFeaturesOptions()).all().get(30, TimeUnit.SECONDS);
                    // The broker applies the update through its metadata log: wait until it reports it.
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (finalizedTransactionVersion(admin) != target && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                }
            }
            return finalizedTransactionVersion(admin);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting transaction.version", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read or set the broker's transaction.version: " + e.getMessage(), e);
        }
    }

    private static short finalizedTransactionVersion(Admin admin) throws Exception {
        FinalizedVersionRange range = admin.describeFeatures().featureMetadata().get(30, TimeUnit.SECONDS)
                .finalizedFeatures().get(TRANSACTION_VERSION);
        return range == null ? 0 : range.maxVersionLevel();
    }

    /** The registry must own its partitions before the first measured request, or the warm-up measures a rebalance. */
    private static void awaitReady(int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                log.debug("readiness probe failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the API", e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the API", e);
            }
        }
        throw new IllegalStateException("the ingest API was not ready within " + READY_TIMEOUT.toSeconds() + " s");
    }

    /** One request to each target must be a 200, or there is nothing meaningful to measure. */
    private void smokeTest(JobRequestBodies bodies) {
        for (LoadTarget target : targets.values()) {
            try (KeepAliveConnection connection = new KeepAliveConnection(target)) {
                byte[] body = bodies.body("smoke-" + target.name(), 0, 0);
                int status = connection.post(body);
                if (status != 200) {
                    throw new IllegalStateException("the " + target.name() + " target answered " + status
                            + " to a valid request");
                }
                // Every target but the raw path decides duplicates: prove it does before measuring it.
                if (!target.name().equals("raw")) {
                    int again = connection.post(body);
                    if (again != 409) {
                        throw new IllegalStateException("the " + target.name() + " target answered " + again
                                + " to a job_id it had accepted, not 409");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the " + target.name() + " target did not answer", e);
            }
        }
    }

    /** The targets asked for, in the order of {@code --targets}. */
    List<LoadTarget> targets(List<String> order) {
        return order.stream().map(targets::get).toList();
    }

    /** The PostgreSQL peer's server and pool, or an empty string when it is not a target. */
    String postgresDescription() {
        return postgresDescription;
    }

    /** Partitions of every topic: {@code --partitions}, else {@code KYCFLOW_PARTITIONS}, else the embedded default. */
    int partitions() {
        return partitions;
    }

    KycflowConfig config() {
        return config;
    }

    short transactionVersion() {
        return transactionVersion;
    }

    @Override
    public void close() {
        closeAll(started);
        deleteRecursively(dataDir);
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable service = started.pop();
            try {
                service.close();
            } catch (Exception e) {
                log.warn("error while stopping {}", service, e);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not remove {}", dir, e);
        }
    }
}
