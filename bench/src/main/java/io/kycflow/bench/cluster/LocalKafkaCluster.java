package io.kycflow.bench.cluster;

import io.kycflow.kafka.embedded.ClusterNodeConfig;
import io.kycflow.kafka.embedded.KafkaClusterNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Three KRaft nodes (each broker and controller) on loopback, each in its own JVM
 * ({@link KafkaClusterNode}), formatted with one cluster id and a static quorum of the three.
 */
final class LocalKafkaCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Map<Integer, JvmProcess> nodes;
    private final Map<Integer, Integer> brokerPorts;

    private LocalKafkaCluster(Map<Integer, JvmProcess> nodes, Map<Integer, Integer> brokerPorts) {
        this.nodes = nodes;
        this.brokerPorts = brokerPorts;
    }

    static LocalKafkaCluster start(int size, Path logDir, Path dataDir, String nodeHeap, Map<String, String> overrides)
            throws InterruptedException {
        Map<Integer, Integer> controllerPorts = new LinkedHashMap<>();
        Map<Integer, Integer> brokerPorts = new LinkedHashMap<>();
        for (int id = 1; id <= size; id++) {
            controllerPorts.put(id, freePort());
            brokerPorts.put(id, freePort());
        }
        String clusterId = Uuid.randomUuid().toString();
        Map<Integer, JvmProcess> nodes = new LinkedHashMap<>();
        LocalKafkaCluster cluster = new LocalKafkaCluster(nodes, brokerPorts);
        try {
            for (int id = 1; id <= size; id++) {
                ClusterNodeConfig node = new ClusterNodeConfig(id, controllerPorts, brokerPorts.get(id),
                        dataDir.resolve("node-" + id), clusterId, overrides);
                nodes.put(id, JvmProcess.start("kafka-" + id, nodeHeap, KafkaClusterNode.class.getName(),
                        node.toArgs(), Map.of(), logDir.resolve("kafka-" + id + ".log")));
            }
            cluster.awaitBrokers(size);
            return cluster;
        } catch (RuntimeException | InterruptedException e) {
            cluster.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return brokerPorts.values().stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(p);
    }

    /** The node id of the active controller: the leader of the metadata quorum. */
    int activeController() {
        try (Admin admin = admin()) {
            return admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for the controller", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe the metadata quorum: " + e.getMessage(), e);
        }
    }

    List<Integer> nodeIds() {
        return new ArrayList<>(nodes.keySet());
    }

    JvmProcess node(int id) {
        return nodes.get(id);
    }

    private void awaitBrokers(int size) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                for (JvmProcess node : nodes.values()) {
                    if (!node.isAlive()) {
                        throw new IllegalStateException(node + " exited during start-up");
                    }
                }
                try {
                    int live = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
                    if (live == size) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notYet) {
                    // the brokers are still electing a controller or registering
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the " + size + " brokers did not all register in "
                            + READY_TIMEOUT.toSeconds() + " s; see the logs beside " + nodes.values());
                }
                Thread.sleep(250);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        nodes.values().forEach(JvmProcess::close);
    }
}
