package io.kycflow.kafka.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * One node of a multi-node KRaft cluster on loopback: a combined broker and controller (so stopping a
 * node also stops a voter of the metadata quorum), with a static quorum of every node's controller port.
 * Internal topics (consumer offsets, transaction state) and topics created without a replication factor
 * get one replica per node and need a majority in sync, as a production cluster of that size would.
 *
 * @param nodeId        this node's id, one of {@code voters}' keys
 * @param voters        every node of the cluster: node id → controller port on 127.0.0.1
 * @param brokerPort    this node's client (and inter-broker) port on 127.0.0.1
 * @param dataDir       this node's log directory lives in {@code dataDir/log}
 * @param clusterId     the id every node is formatted with (a Kafka {@code Uuid} string)
 * @param overrides     broker settings applied last, e.g. {@code broker.session.timeout.ms} to study failover
 */
public record ClusterNodeConfig(int nodeId, Map<Integer, Integer> voters, int brokerPort, Path dataDir,
                                String clusterId, Map<String, String> overrides) {

    public ClusterNodeConfig {
        voters = Map.copyOf(voters);
        overrides = Map.copyOf(overrides);
        if (!voters.containsKey(nodeId)) {
            throw new IllegalArgumentException("node " + nodeId + " is not one of the voters " + voters.keySet());
        }
    }

    public int controllerPort() {
        return voters.get(nodeId);
    }

    public Path logDir() {
        return dataDir.resolve("log");
    }

    /** A majority of the nodes: the in-sync replicas a write needs, so any one node of three may fail. */
    public int minInSyncReplicas() {
        return voters.size() / 2 + 1;
    }

    /** {@code 1@127.0.0.1:19093,2@127.0.0.1:19095,...}, in node id order. */
    public String quorumVoters() {
        return voters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(v -> v.getKey() + "@127.0.0.1:" + v.getValue()).collect(Collectors.joining(","));
    }

    public Properties properties() {
        String replicas = Integer.toString(voters.size());
        String minIsr = Integer.toString(minInSyncReplicas());
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", Integer.toString(nodeId)),
                // A static quorum: every node is formatted with the same voters, without --standalone.
                Map.entry("controller.quorum.voters", quorumVoters()),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort()),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
                Map.entry("log.dirs", logDir().toString()),
                Map.entry("offsets.topic.replication.factor", replicas),
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.replication.factor", replicas),
                Map.entry("transaction.state.log.min.isr", minIsr),
                Map.entry("transaction.state.log.num.partitions", "3"),
                Map.entry("share.coordinator.state.topic.replication.factor", replicas),
                Map.entry("share.coordinator.state.topic.min.isr", minIsr),
                Map.entry("default.replication.factor", replicas),
                Map.entry("min.insync.replicas", minIsr),
                // Never elect an out-of-sync replica: that would drop writes the producers saw acknowledged.
                Map.entry("unclean.leader.election.enable", "false"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "4"),
                Map.entry("log.cleaner.dedupe.buffer.size", Integer.toString(16 << 20)),
                Map.entry("log.segment.bytes", Integer.toString(64 << 20))));
        p.putAll(overrides);
        return p;
    }

    /** The command-line arguments {@link KafkaClusterNode#main} reads back into this configuration. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>();
        args.add("--node-id=" + nodeId);
        args.add("--voters=" + voters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(v -> v.getKey() + ":" + v.getValue()).collect(Collectors.joining(",")));
        args.add("--broker-port=" + brokerPort);
        args.add("--data-dir=" + dataDir);
        args.add("--cluster-id=" + clusterId);
        overrides.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(o -> args.add("--set=" + o.getKey() + "=" + o.getValue()));
        return args;
    }

    /**
     * Reads {@code --node-id=1 --voters=1:19093,2:19095,3:19097 --broker-port=19092 --data-dir=... --cluster-id=...},
     * plus any number of {@code --set=broker.setting=value}.
     */
    public static ClusterNodeConfig parse(List<String> args) {
        Map<String, String> named = new java.util.HashMap<>();
        Map<String, String> overrides = new java.util.HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            if (name.equals("set")) {
                int inner = value.indexOf('=');
                if (inner <= 0) {
                    throw new IllegalArgumentException("--set: expected --set=broker.setting=value, got '" + arg + "'");
                }
                overrides.put(value.substring(0, inner), value.substring(inner + 1));
            } else {
                named.put(name, value);
            }
        }
        Map<Integer, Integer> voters = new java.util.HashMap<>();
        for (String voter : require(named, "voters").split(",")) {
            String[] idPort = voter.trim().split(":");
            if (idPort.length != 2) {
                throw new IllegalArgumentException("--voters: expected id:controllerPort,..., got '" + voter + "'");
            }
            voters.put(number("voters", idPort[0]), number("voters", idPort[1]));
        }
        return new ClusterNodeConfig(number("node-id", require(named, "node-id")), voters,
                number("broker-port", require(named, "broker-port")), Path.of(require(named, "data-dir")),
                require(named, "cluster-id"), overrides);
    }

    private static String require(Map<String, String> named, String name) {
        String value = named.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": '" + value + "' is not a whole number");
        }
    }
}
