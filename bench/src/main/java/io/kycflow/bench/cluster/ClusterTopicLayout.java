package io.kycflow.bench.cluster;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The replication of every topic on the cluster, internal ones included: the proof that what kycflow
 * and the brokers created is RF 3 with {@code min.insync.replicas} 2, not just what the settings say.
 */
final class ClusterTopicLayout {

    /** What every topic of the three-node cluster must be: three copies, two of them needed for a write. */
    static final String EXPECTED = layout(3, "2");

    private ClusterTopicLayout() {
    }

    /** topic → "RF r, min.insync.replicas m", grouped: layout → topics with it. */
    static Map<String, List<String>> describe(Admin admin) throws Exception {
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(60, TimeUnit.SECONDS);
        Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(60, TimeUnit.SECONDS);
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all().get(60, TimeUnit.SECONDS);
        Map<String, List<String>> layouts = new TreeMap<>();
        for (String name : new java.util.TreeSet<>(names)) {
            int replicas = topics.get(name).partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
            var minIsr = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name))
                    .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
            String layout = layout(replicas, minIsr == null ? "?" : minIsr.value());
            layouts.computeIfAbsent(layout, k -> new java.util.ArrayList<>()).add(name);
        }
        return layouts;
    }

    private static String layout(int replicas, String minInSyncReplicas) {
        return "RF " + replicas + ", min.insync.replicas " + minInSyncReplicas;
    }
}
