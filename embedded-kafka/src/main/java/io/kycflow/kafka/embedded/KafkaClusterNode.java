package io.kycflow.kafka.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

import java.io.IOException;
import java.util.List;

/**
 * One node of a local multi-node KRaft cluster in its own JVM, so a test or benchmark can kill it for
 * real (SIGKILL: no controlled shutdown, no leadership hand-over). Unlike {@link EmbeddedKafkaBroker}, a
 * fatal broker error here exits the process, as it would on a real host. SIGTERM stops it cleanly.
 *
 * <pre>java -cp ... io.kycflow.kafka.embedded.KafkaClusterNode --node-id=1 --voters=1:19093,2:19095,3:19097 \
 *     --broker-port=19092 --data-dir=/tmp/node-1 --cluster-id=&lt;the same Uuid on every node&gt;</pre>
 */
public final class KafkaClusterNode {

    private KafkaClusterNode() {
    }

    public static void main(String[] args) throws IOException {
        ClusterNodeConfig node;
        try {
            node = ClusterNodeConfig.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("kafka cluster node: " + e.getMessage());
            System.exit(2);
            return;
        }
        LogDirFormatter.formatIfNew(node.dataDir(), node.logDir(), node.properties(), node.clusterId());
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(node.properties(), false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kafka-node-shutdown"));
        server.startup();
        // On stdout, whatever the logging configuration: the node's output is its log file.
        System.out.printf("Kafka node %d started: clients on 127.0.0.1:%d, quorum %s%n", node.nodeId(),
                node.brokerPort(), node.quorumVoters());
        server.awaitShutdown();
    }
}
