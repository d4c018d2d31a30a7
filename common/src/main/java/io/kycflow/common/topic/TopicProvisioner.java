package io.kycflow.common.topic;

import io.kycflow.common.config.KycflowConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Creates missing topics and verifies existing ones. Idempotent, so every service may run it at start.
 * A topic with another partition count or cleanup policy stops start-up: co-partitioning and the
 * compacted job topic are what keep the 409 and the fold correct.
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_SECONDS = 60;

    /**
     * New topics' partitions on the all-in-one's embedded broker. One broker and one registry thread gain no
     * parallelism from more, and every transaction commit pays for each partition it touches (measured on 2
     * cores: ~40% more accepted jobs/s than 12, and end to end 75 jobs/s kept up with where 12 fall behind;
     * docs/performance.md).
     */
    public static final int EMBEDDED_PARTITIONS = 3;
    /** New topics' partitions on a cluster: room for up to 12 registry tasks across instances. */
    public static final int CLUSTER_PARTITIONS = 12;

    private final Admin admin;
    private final int partitions;
    private final Optional<Short> replicationFactor;

    public TopicProvisioner(Admin admin, int partitions, Optional<Short> replicationFactor) {
        this.admin = admin;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /**
     * The provisioner of a configured kycflow: its replication factor, and the partition count
     * {@link #partitionCount} resolves from {@code KYCFLOW_PARTITIONS}, the topics that exist, or
     * {@code forNewTopics}.
     */
    public static TopicProvisioner of(Admin admin, KycflowConfig config, int forNewTopics) {
        return new TopicProvisioner(admin, partitionCount(admin, config.partitions(), forNewTopics),
                config.replicationFactor());
    }

    /** The partition count of every topic this provisioner creates or accepts. */
    public int partitions() {
        return partitions;
    }

    /**
     * The {@code min.insync.replicas} kycflow gives a topic of {@code replicationFactor} replicas: a majority
     * (RF 3 → 2, RF 5 → 3). With the producers' {@code acks=all}, an accepted write is then on a majority, so
     * losing any one broker of three neither loses it nor stops writes; RF 2 → 2 keeps no-loss over availability.
     */
    public static int minInSyncReplicas(short replicationFactor) {
        return replicationFactor / 2 + 1;
    }

    /**
     * How many partitions kycflow's topics have: {@code setting} ({@code KYCFLOW_PARTITIONS}) when given;
     * otherwise the count of the topics that already exist (kycflow's command topic decides), so a data
     * directory or cluster created under another default keeps working; otherwise {@code forNewTopics}.
     * A partition count is fixed when a topic is created: co-partitioning needs every topic to agree.
     */
    public static int partitionCount(Admin admin, Optional<Integer> setting, int forNewTopics) {
        if (setting.isPresent()) {
            return setting.get();
        }
        String anchor = Topics.JOB_COMMANDS.name();
        try {
            if (!admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contains(anchor)) {
                return forNewTopics;
            }
            int existing = admin.describeTopics(List.of(anchor)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(anchor).partitions().size();
            if (existing != forNewTopics) {
                log.info("KYCFLOW_PARTITIONS is unset and {} exists: keeping its {} partitions", anchor, existing);
            }
            return existing;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the topics' partition count", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read the topics' partition count: " + e.getMessage(), e);
        }
    }

    public void ensure(Collection<Topic<?, ?>> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(this::newTopic)
                    .toList();
            if (!missing.isEmpty()) {
                create(missing);
            }
            verifyWhenKnown(topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot provision topics: " + e.getMessage(), e);
        }
    }

    private void create(List<NewTopic> missing) throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        var result = admin.createTopics(missing, new CreateTopicsOptions());
        for (var entry : result.values().entrySet()) {
            try {
                entry.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                log.info("created topic {} ({} partitions)", entry.getKey(), partitions);
            } catch (ExecutionException e) {
                // Another instance created it in the meantime: verification below still applies.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /** Topics just created may not be known to every broker yet: retry the description for a little while. */
    private void verifyWhenKnown(Collection<Topic<?, ?>> topics) throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                verify(topics);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private NewTopic newTopic(Topic<?, ?> topic) {
        Map<String, String> configs = new HashMap<>();
        configs.putAll(topic.configs());
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy().config());
        if (topic.retention() != null) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retention().toMillis()));
        }
        replicationFactor.ifPresent(rf -> configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                Integer.toString(minInSyncReplicas(rf))));
        return new NewTopic(topic.name(), Optional.of(partitions), replicationFactor).configs(configs);
    }

    private void verify(Collection<Topic<?, ?>> topics) throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        List<String> names = topics.stream().map(Topic::name).toList();
        Map<String, TopicDescription> descriptions =
                admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<ConfigResource> resources = names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        List<String> problems = new ArrayList<>();
        for (Topic<?, ?> topic : topics) {
            int actualPartitions = descriptions.get(topic.name()).partitions().size();
            if (actualPartitions != partitions) {
                problems.add(topic.name() + " has " + actualPartitions + " partitions, kycflow needs " + partitions);
            }
            ConfigEntry policy = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()))
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG);
            String actualPolicy = policy == null ? "delete" : policy.value();
            Set<String> actual = Set.of(actualPolicy.replace(" ", "").split(","));
            if (!actual.equals(Set.of(topic.cleanupPolicy().config()))) {
                problems.add(topic.name() + " has cleanup.policy=" + actualPolicy + ", kycflow needs "
                        + topic.cleanupPolicy().config());
            }
        }
        if (!problems.isEmpty()) {
            throw new TopicMismatchException("existing topics do not match kycflow's layout (fix them or point "
                    + "KYCFLOW_PARTITIONS at their partition count):\n  - "
                    + problems.stream().collect(Collectors.joining("\n  - ")));
        }
    }
}
