package io.kycflow.kafka.embedded;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterNodeConfigTest {

    private final ClusterNodeConfig node = new ClusterNodeConfig(2, Map.of(1, 19093, 2, 19095, 3, 19097), 19094,
            Path.of("/tmp/node-2"), "q1Sh-9_ISia_zwGINzRvyQ", Map.of("broker.session.timeout.ms", "3000"));

    @Test
    void aNodeOfThreeReplicatesInternalTopicsThreeTimesAndNeedsTwoInSync() {
        Properties p = node.properties();
        assertEquals("broker,controller", p.get("process.roles"));
        assertEquals("2", p.get("node.id"));
        assertEquals("1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097", p.get("controller.quorum.voters"));
        assertEquals("PLAINTEXT://127.0.0.1:19094,CONTROLLER://127.0.0.1:19095", p.get("listeners"));
        assertEquals("PLAINTEXT://127.0.0.1:19094", p.get("advertised.listeners"));
        for (String rf : new String[] {"offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "default.replication.factor"}) {
            assertEquals("3", p.get(rf), rf);
        }
        for (String isr : new String[] {"transaction.state.log.min.isr", "min.insync.replicas"}) {
            assertEquals("2", p.get(isr), isr);
        }
        assertEquals("false", p.get("unclean.leader.election.enable"));
        assertEquals("3000", p.get("broker.session.timeout.ms"), "an override is applied");
    }

    @Test
    void theArgumentsReadBackIntoTheSameNode() {
        assertEquals(node, ClusterNodeConfig.parse(node.toArgs()));
    }

    @Test
    void badArgumentsNameTheProblem() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ClusterNodeConfig.parse(java.util.List.of("--node-id=1", "--voters=1:19093")));
        assertTrue(missing.getMessage().contains("--broker-port"), missing.getMessage());
        IllegalArgumentException notVoter = assertThrows(IllegalArgumentException.class,
                () -> ClusterNodeConfig.parse(java.util.List.of("--node-id=4", "--voters=1:19093",
                        "--broker-port=19092", "--data-dir=/tmp/x", "--cluster-id=abc")));
        assertTrue(notVoter.getMessage().contains("not one of the voters"), notVoter.getMessage());
    }
}
