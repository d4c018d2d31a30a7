package io.kycflow.bench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.bench.cluster.ClusterFailoverOptions.Scenario;
import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.json.Json;
import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The production story on one machine (issue 10, point 4): three KRaft brokers in their own JVMs, topics
 * at RF 3 and {@code min.insync.replicas} 2, and the all-in-one's services (without its embedded broker) in
 * another JVM pointed at them with {@code KAFKA_BOOTSTRAP_SERVERS}. Under steady startKYCAgentJob load, one
 * broker is SIGKILLed (a follower, then in a second run the active controller) while the load goes on;
 * afterwards every answer is checked against the API contract and every accepted job is read back until
 * it finishes. See docs/cluster.md.
 *
 * <p>Exits 0 when every scenario kept the contract, 3 when one did not (the figures are printed either
 * way), 1 when it cannot set up, 2 on bad arguments.
 */
public final class ClusterFailoverBenchmark {

    private static final String API_KEY = "kf_cluster_ClusterBenchSecret0123456789";
    private static final String AGENT = "kyc-identity-only";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration READBACK_DEADLINE = Duration.ofSeconds(240);

    private ClusterFailoverBenchmark() {
    }

    public static void main(String[] args) {
        ClusterFailoverOptions options;
        try {
            options = ClusterFailoverOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int status;
        try {
            boolean kept = true;
            for (Scenario scenario : options.scenarios()) {
                kept &= run(options, scenario, System.out);
            }
            status = kept ? 0 : 3;
        } catch (Exception e) {
            System.err.println("cluster failover benchmark failed: " + e);
            e.printStackTrace(System.err);
            status = 1;
        }
        System.exit(status);
    }

    static boolean run(ClusterFailoverOptions options, Scenario scenario, PrintStream out) throws Exception {
        String name = scenario.name().toLowerCase(Locale.ROOT);
        Path logDir = options.logDir().resolve(name);
        Files.createDirectories(logDir);
        Path dataDir = Files.createTempDirectory("kycflow-cluster-");
        out.printf(Locale.ROOT, "=== scenario %s: SIGKILL %s after %d s of load (%d s warm-up), %d s more load; %.0f submissions/s "
                        + "(%.0f%% resubmissions), %d clients, %d partitions; %d cores, %s; logs in %s%n",
                name, scenario == Scenario.CONTROLLER ? "the active controller" : "a broker that is not the controller",
                options.warmup().plus(options.before()).toSeconds(), options.warmup().toSeconds(),
                options.after().toSeconds(), options.rate(),
                options.resubmissionShare() * 100, options.workers(), options.partitions(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.runtime.version"), logDir);
        long setUp = System.nanoTime();
        try (LocalKafkaCluster cluster = LocalKafkaCluster.start(3, logDir, dataDir, "512m",
                options.brokerSettings())) {
            out.printf(Locale.ROOT, "3 brokers up in %d s: %s%s%n", seconds(System.nanoTime() - setUp), cluster.bootstrapServers(),
                    options.brokerSettings().isEmpty() ? "" : "; broker settings " + options.brokerSettings());
            int port = freePort();
            String baseUrl = "http://127.0.0.1:" + port;
            try (JvmProcess kycflow = JvmProcess.start("kycflow", "1g", "io.kycflow.app.Kycflow", List.of("all-in-one"),
                    kycflowEnvironment(options, cluster, dataDir, port), logDir.resolve("kycflow.log"))) {
                awaitReady(kycflow, baseUrl);
                out.printf(Locale.ROOT, "kycflow all-in-one ready in %d s (%s)%n", seconds(System.nanoTime() - setUp), kycflow);
                int controller = cluster.activeController();
                int victim = scenario == Scenario.CONTROLLER ? controller
                        : cluster.nodeIds().stream().filter(id -> id != controller).findFirst().orElseThrow();
                out.printf(Locale.ROOT, "active controller: node %d; victim: node %d%n", controller, victim);
                out.flush();

                SubmissionLedger ledger = new SubmissionLedger();
                FailoverLoad load = new FailoverLoad(baseUrl, API_KEY, ledger, UUID.randomUUID().toString().substring(0, 8),
                        options.rate(), options.resubmissionShare(), options.workers());
                Duration loadLength = options.warmup().plus(options.before()).plus(options.after());
                FailoverLoad.Running running = load.start(loadLength);
                Thread.sleep(options.warmup().plus(options.before()));
                long killNanos = System.nanoTime();
                cluster.node(victim).kill();
                out.printf(Locale.ROOT, "node %d SIGKILLed (%d ms to reap)%n", victim,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killNanos));
                out.flush();
                int newController = awaitNewController(cluster, victim, controller);
                out.printf(Locale.ROOT, "active controller after the kill: node %d (known %d ms after the kill)%n",
                        newController, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killNanos));
                long measuredFrom = load.startNanos() + options.warmup().toNanos();
                long loadEnd = load.startNanos() + loadLength.toNanos();
                running.awaitEnd();
                out.printf(Locale.ROOT, "load ended; last retries drained %d s after its end%n",
                        seconds(System.nanoTime() - loadEnd));

                FailoverVerdict verdict = new FailoverVerdict(ledger, measuredFrom, killNanos, loadEnd);
                JobReadback.Result readback = new JobReadback(baseUrl, API_KEY).readAll(verdict.accepted(), READBACK_DEADLINE);
                List<String> violations = verdict.violations(readback);
                if (!kycflow.isAlive()) {
                    violations.add("the kycflow process exited; see " + kycflow.log());
                }
                // After the load, so that the lazily created internal topics (transaction state) exist too.
                try (Admin admin = cluster.admin()) {
                    out.println("topics on the cluster:");
                    ClusterTopicLayout.describe(admin).forEach((layout, topics) -> {
                        out.println("  " + layout + ": " + topics.size() + " topics " + topics);
                        if (!layout.equals(ClusterTopicLayout.EXPECTED)) {
                            violations.add(topics.size() + " topics not at " + ClusterTopicLayout.EXPECTED + ": " + topics);
                        }
                    });
                }
                report(out, name, load, measuredFrom, ledger, verdict, readback, violations);
                return violations.isEmpty();
            }
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private static void report(PrintStream out, String name, FailoverLoad load, long measuredFrom, SubmissionLedger ledger,
                               FailoverVerdict v, JobReadback.Result readback, List<String> violations) {
        long[] skipped = new long[4];
        for (long slot : load.skippedSlots()) {
            skipped[slot < measuredFrom ? 0 : slot < v.killNanos ? 1
                    : slot < v.killNanos + TimeUnit.SECONDS.toNanos(30) ? 2 : 3]++;
        }
        out.printf(Locale.ROOT, "submissions: %d new job_ids, %d resubmissions of accepted ones, %d given up; slots skipped "
                + "(every client busy, so not offered): %d in the warm-up, %d from its end to the kill, %d in the 30 s "
                + "after the kill, %d later%n", v.freshSubmissions, v.resubmissions, load.givenUp(),
                skipped[0], skipped[1], skipped[2], skipped[3]);
        out.println("HTTP answers (every attempt): " + v.answers);
        out.printf(Locale.ROOT, "accepted: %d answered 200, %d answered 409 on the retry of an attempt whose outcome "
                + "was unknown (503 or dropped connection); double accepts %d; 409s to new job_ids %d; "
                + "resubmissions not answered 409 %d%n", v.acceptedOn200.size(), v.acceptedBehindUnknown.size(),
                v.doubleAccepts.size(), v.falseConflicts.size(), v.resubmissionsNot409.size());
        out.printf(Locale.ROOT, "read back: %d of %d accepted jobs terminal %s in %d ms; not found %d, not terminal %d, "
                + "unreadable %d%n", readback.terminal().size(), v.accepted().size(), readback.terminalCounts(),
                readback.sweepMillis(), readback.notFound().size(), readback.unfinished().size(), readback.unreadable().size());
        out.printf(Locale.ROOT, "unavailability: first 200 to a request sent after the kill at +%d ms; longest gap "
                + "without a 200: %d ms (from %+d ms); %d 503s after the kill%s (%d before it)%n",
                v.firstOkAfterKillMillis, v.longestOkGapMillis, v.longestOkGapStartMillis, v.unavailableAfterKill,
                v.unavailableAfterKill == 0 ? ""
                        : String.format(Locale.ROOT, ", answered between %+d ms and %+d ms", v.first503Millis, v.last503Millis),
                v.unavailableBeforeKill);
        out.printf(Locale.ROOT, "200s: from the warm-up's end to the kill %.1f/s, p50 %d ms, p99 %d ms; from 30 s after the "
                + "kill to the end %.1f/s, p50 %d ms, p99 %d ms%n", v.okPerSecondBefore, v.p50BeforeMillis, v.p99BeforeMillis,
                v.okPerSecondAfter, v.p50AfterMillis, v.p99AfterMillis);
        out.println("answers per second around the kill (second after the kill: status=count):");
        v.timeline(ledger, -3, 30).forEach((second, counts) -> out.printf(Locale.ROOT, "  %+4d s  %s%n", second,
                counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))));
        if (violations.isEmpty()) {
            out.println("scenario " + name + ": PASS (no accepted job lost, no double accept, every job terminal)");
        } else {
            out.println("scenario " + name + ": FAIL");
            violations.forEach(p -> out.println("  - " + p));
        }
        out.println();
        out.flush();
    }

    private static Map<String, String> kycflowEnvironment(ClusterFailoverOptions options, LocalKafkaCluster cluster,
                                                          Path dataDir, int port) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers());
        env.put("KYCFLOW_REPLICATION_FACTOR", "3");
        env.put("KYCFLOW_PARTITIONS", Integer.toString(options.partitions()));
        env.put("KYCFLOW_DATA_DIR", dataDir.resolve("kycflow").toString());
        env.put("KYCFLOW_HTTP_HOST", "127.0.0.1");
        env.put("KYCFLOW_HTTP_PORT", Integer.toString(port));
        env.put("KYCFLOW_HEALTH_PORT", "0");
        env.put("KYCFLOW_INSTANCE_ID", "cluster-bench");
        env.put("KYCFLOW_API_KEY", API_KEY);
        env.put("KYCFLOW_RATE_LIMIT", Integer.toString(Integer.MAX_VALUE));
        env.put("KYCFLOW_AGENTS_FILE", identityOnlyAgents(dataDir).toString());
        return env;
    }

    /** The bundled agents file reduced to {@value #AGENT}: its one check needs no sanctions lists. */
    private static Path identityOnlyAgents(Path dataDir) throws IOException {
        JsonNode bundled;
        try (InputStream in = AgentCatalog.class.getResourceAsStream(AgentCatalog.BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled agents file is not on the class path");
            }
            bundled = Json.mapper().readTree(in);
        }
        ArrayNode agents = Json.mapper().createArrayNode();
        bundled.path("agents").forEach(agent -> {
            if (AGENT.equals(agent.path("key").asText())) {
                agents.add(agent);
            }
        });
        if (agents.isEmpty()) {
            throw new IllegalStateException("the bundled agents file has no " + AGENT);
        }
        ObjectNode file = Json.mapper().createObjectNode();
        file.set("agents", agents);
        Path path = dataDir.resolve("agents.json");
        Files.writeString(path, Json.mapper().writeValueAsString(file));
        return path;
    }

    private static void awaitReady(JvmProcess kycflow, String baseUrl) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!kycflow.isAlive()) {
                throw new IllegalStateException("kycflow exited during start-up; see " + kycflow.log());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("kycflow was not ready in " + READY_TIMEOUT.toSeconds() + " s; see " + kycflow.log());
    }

    /** The quorum's leader once it is a live node (the old one when it survived), or -1 after 60 s. */
    private static int awaitNewController(LocalKafkaCluster cluster, int victim, int before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                int leader = cluster.activeController();
                if (leader != victim && leader >= 0) {
                    return leader;
                }
            } catch (IllegalStateException notYet) {
                // no leader elected yet
            }
            Thread.sleep(100);
        }
        return before == victim ? -1 : before;
    }

    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }
}
