package io.kycflow.e2e;

import io.kycflow.common.topic.Topic;
import io.kycflow.common.topic.TopicMismatchException;
import io.kycflow.common.topic.TopicProvisioner;
import io.kycflow.common.topic.Topics;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Start-up refuses topics whose partition count or cleanup policy differ, and says what differs; topics it
 * creates with a replication factor carry their {@code min.insync.replicas}; with {@code KYCFLOW_PARTITIONS}
 * unset, the topics that exist decide the partition count, so a data directory made under another default
 * still starts.
 */
@ExtendWith(SharedKafka.class)
class TopicLayoutTest {

    @Test
    void provisioningIsIdempotentAndRefusesAMismatch(EmbeddedKafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, 3, Optional.of((short) 1));
            List<Topic<?, ?>> topics = Topics.all(List.of("kyc.identity_data_validation_check"));
            provisioner.ensure(topics);
            provisioner.ensure(topics);

            TopicMismatchException wrongCount = assertThrows(TopicMismatchException.class,
                    () -> new TopicProvisioner(admin, 4, Optional.of((short) 1)).ensure(topics));
            assertTrue(wrongCount.getMessage().contains("kyc.jobs has 3 partitions, kycflow needs 4"), wrongCount.getMessage());

            // A topic of the test's own, so the shared broker's kycflow topics stay as kycflow needs them.
            admin.createTopics(List.of(new NewTopic("layout-test.events", 3, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get();
            Topic<String, String> expectsDelete = new Topic<>("layout-test.events", Serdes.String(), Serdes.String(),
                    Topic.CleanupPolicy.DELETE, Duration.ofDays(1));
            TopicMismatchException wrongPolicy = assertThrows(TopicMismatchException.class,
                    () -> provisioner.ensure(List.of(expectsDelete)));
            assertTrue(wrongPolicy.getMessage().contains("cleanup.policy=compact, kycflow needs delete"), wrongPolicy.getMessage());
        }
    }

    @Test
    void aTopicCreatedWithAReplicationFactorCarriesItsOwnMinInSyncReplicas(EmbeddedKafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Topic<String, String> topic = new Topic<>("layout-test.min-isr", Serdes.String(), Serdes.String(),
                    Topic.CleanupPolicy.DELETE, Duration.ofDays(1));
            new TopicProvisioner(admin, 3, Optional.of((short) 1)).ensure(List.of(topic));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
            ConfigEntry minIsr = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get("min.insync.replicas");
            // Set on the topic itself, not inherited from the broker: a cluster with a laxer default keeps it.
            assertEquals(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, minIsr.source());
            assertEquals("1", minIsr.value());
        }
    }

    @Test
    void anUnsetPartitionCountKeepsTheExistingTopicsAndOnlyNewOnesGetTheDefault(@TempDir Path dir) throws Exception {
        // A broker of its own: on the shared one, kycflow's topics already exist.
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertEquals(TopicProvisioner.EMBEDDED_PARTITIONS,
                    TopicProvisioner.partitionCount(admin, Optional.empty(), TopicProvisioner.EMBEDDED_PARTITIONS));
            assertEquals(5, TopicProvisioner.partitionCount(admin, Optional.of(5), TopicProvisioner.EMBEDDED_PARTITIONS));

            // Topics made by an earlier release, whose default was 12, on the all-in-one's broker.
            List<Topic<?, ?>> topics = Topics.all(List.of("kyc.identity_data_validation_check"));
            new TopicProvisioner(admin, TopicProvisioner.CLUSTER_PARTITIONS, Optional.of((short) 1)).ensure(topics);

            int kept = TopicProvisioner.partitionCount(admin, Optional.empty(), TopicProvisioner.EMBEDDED_PARTITIONS);
            assertEquals(TopicProvisioner.CLUSTER_PARTITIONS, kept);
            new TopicProvisioner(admin, kept, Optional.of((short) 1)).ensure(topics);
            // An explicit setting still means what it says: a mismatch stops start-up.
            int asked = TopicProvisioner.partitionCount(admin, Optional.of(3), TopicProvisioner.EMBEDDED_PARTITIONS);
            assertThrows(TopicMismatchException.class,
                    () -> new TopicProvisioner(admin, asked, Optional.of((short) 1)).ensure(topics));
        }
    }
}
