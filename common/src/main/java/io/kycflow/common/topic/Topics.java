package io.kycflow.common.topic;

import io.kycflow.common.apikey.ApiKeyRecord;
import io.kycflow.common.command.CheckTask;
import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.crypto.WrappedDataKey;
import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.json.JsonSerde;
import io.kycflow.common.monitoring.MonitoringSubscription;
import io.kycflow.common.notification.DeliveryAttempt;
import io.kycflow.common.notification.NotificationRequest;
import io.kycflow.common.notification.ParkedDelivery;
import io.kycflow.common.review.ReviewDecision;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.kycflow.common.topic.Topic.CleanupPolicy.COMPACT;
import static io.kycflow.common.topic.Topic.CleanupPolicy.DELETE;

/**
 * The typed registry of kycflow's topics (DESIGN.md §2). Every job topic is keyed {@code tenant/job_id}
 * and shares one partition count, so one job's commands, results and state meet in one stream task.
 */
public final class Topics {

    private static final Duration DAYS_7 = Duration.ofDays(7);

    public static final Topic<String, JobCommand> JOB_COMMANDS =
            new Topic<>("kyc.job-commands", Serdes.String(), new JsonSerde<>(JobCommand.class), DELETE, DAYS_7);

    public static final Topic<String, CommandOutcome> JOB_COMMAND_OUTCOMES =
            new Topic<>("kyc.job-command-outcomes", Serdes.String(), new JsonSerde<>(CommandOutcome.class),
                    DELETE, Duration.ofHours(1));

    public static final Topic<String, Job> JOBS =
            new Topic<>("kyc.jobs", Serdes.String(), JsonSerde.rememberingWrites(Job.class), COMPACT, null);

    public static final Topic<String, JobEvent> JOB_EVENTS =
            new Topic<>("kyc.job-events", Serdes.String(), new JsonSerde<>(JobEvent.class), DELETE, DAYS_7);

    public static final Topic<String, CheckResult> CHECK_RESULTS =
            new Topic<>("kyc.check-results", Serdes.String(), new JsonSerde<>(CheckResult.class), DELETE, DAYS_7);

    /**
     * The per-submission data keys, wrapped by the master key, keyed {@code tenant/job_id#submission_id}.
     * Compacted, and compacted soon: a deleted job's key is a tombstone here, and the short segment, lag
     * and tombstone retention let the cleaner remove the old wrapped key within minutes instead of weeks.
     */
    public static final Topic<String, WrappedDataKey> JOB_KEYS =
            new Topic<>("kyc.job-keys", Serdes.String(), new JsonSerde<>(WrappedDataKey.class), COMPACT, null, Map.of(
                    TopicConfig.SEGMENT_MS_CONFIG, "60000",
                    TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
                    TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, "300000",
                    TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01",
                    TopicConfig.DELETE_RETENTION_MS_CONFIG, "60000"));

    /**
     * Analysts' decisions (a hit judged, a case decided), append-only and kept for good: the audit record of
     * who decided what, when and why. An input of the job registry, which folds the accepted ones into the job.
     * Reasons and comments are sealed with the job's data key, so deleting the job erases them here too.
     */
    public static final Topic<String, ReviewDecision> REVIEW_DECISIONS =
            new Topic<>("kyc.review-decisions", Serdes.String(), new JsonSerde<>(ReviewDecision.class), DELETE, null,
                    Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));

    /**
     * The monitored subjects, keyed {@code tenant/job_id} (co-partitioned with the jobs): written by the registry
     * alone when a job's monitoring starts, tombstoned when it ends or the job is deleted. The subject's data is
     * sealed with the job's data key. Compacted, and soon, so an ended subscription's record goes within minutes.
     */
    public static final Topic<String, MonitoringSubscription> MONITORING_SUBJECTS =
            new Topic<>("kyc.monitoring.subjects", Serdes.String(), new JsonSerde<>(MonitoringSubscription.class), COMPACT,
                    null, Map.of(
                    TopicConfig.SEGMENT_MS_CONFIG, "60000",
                    TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
                    TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, "300000",
                    TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01",
                    TopicConfig.DELETE_RETENTION_MS_CONFIG, "60000"));

    /** Records the registry could not read, kept byte for byte with the reason in headers. */
    public static final Topic<String, byte[]> REGISTRY_DEAD_LETTERS =
            new Topic<>("kyc.registry.dead-letters", Serdes.String(), Serdes.ByteArray(), DELETE, Duration.ofDays(30));

    /** Every API key (hashes only) by key id, shared by all API instances; revoked keys stay, marked. */
    public static final Topic<String, ApiKeyRecord> API_KEYS =
            new Topic<>("kyc.api-keys", Serdes.String(), new JsonSerde<>(ApiKeyRecord.class), COMPACT, null);

    /** Re-sends and test events asked for through the API, for the notifier. */
    public static final Topic<String, NotificationRequest> NOTIFICATION_REQUESTS =
            new Topic<>("kyc.notifications.requests", Serdes.String(), new JsonSerde<>(NotificationRequest.class),
                    DELETE, DAYS_7);

    /** One record per delivery attempt: what {@code getWebhookDeliveries} shows. */
    public static final Topic<String, DeliveryAttempt> NOTIFICATION_ATTEMPTS =
            new Topic<>("kyc.notifications.attempts", Serdes.String(), new JsonSerde<>(DeliveryAttempt.class),
                    DELETE, Duration.ofDays(30));

    /** Deliveries whose every attempt failed, kept for a person to look at and re-send. */
    public static final Topic<String, ParkedDelivery> NOTIFICATION_DLQ =
            new Topic<>("kyc.notifications.dlq", Serdes.String(), new JsonSerde<>(ParkedDelivery.class),
                    DELETE, Duration.ofDays(30));

    public static final String NOTIFICATION_RETRY_PREFIX = "kyc.notifications.retry.";

    /** Every retry tier topic, whatever the schedule's length: the notifier drains tiers a shorter schedule left behind. */
    public static final Pattern NOTIFICATION_RETRY_PATTERN =
            Pattern.compile(Pattern.quote(NOTIFICATION_RETRY_PREFIX) + "\\d+");

    /** Retry tiers provisioned when the caller does not say (the default schedule's length). */
    public static final int DEFAULT_RETRY_TIERS = 6;

    public static final String CHECK_TASKS_PREFIX = "kyc.check-tasks.";

    /** The value serde of every {@code kyc.check-tasks.<check>} topic. */
    public static final Serde<CheckTask> CHECK_TASK_SERDE = new JsonSerde<>(CheckTask.class);

    private Topics() {
    }

    /** The task topic of one check: {@code kyc.check-tasks.<check id>}. */
    public static Topic<String, CheckTask> checkTasks(String checkId) {
        return new Topic<>(CHECK_TASKS_PREFIX + checkId, Serdes.String(), CHECK_TASK_SERDE, DELETE, DAYS_7);
    }

    /**
     * Retry tier {@code tier} (1-based): deliveries waiting the schedule's {@code tier}-th delay. One topic per
     * delay keeps each topic in due order, so a consumer waits only for the record at its head.
     */
    public static Topic<String, ParkedDelivery> notificationRetries(int tier) {
        if (tier < 1) {
            throw new IllegalArgumentException("retry tiers start at 1");
        }
        return new Topic<>(NOTIFICATION_RETRY_PREFIX + tier, Serdes.String(), NOTIFICATION_DLQ.valueSerde(), DELETE,
                DAYS_7);
    }

    /** Every topic the services need, given the checks the configured agents name, with the default retry tiers. */
    public static List<Topic<?, ?>> all(Collection<String> checkIds) {
        return all(checkIds, DEFAULT_RETRY_TIERS);
    }

    /** Every topic the services need, given the checks the agents name and the webhook retry schedule's length. */
    public static List<Topic<?, ?>> all(Collection<String> checkIds, int retryTiers) {
        List<Topic<?, ?>> topics = new ArrayList<>(List.of(JOB_KEYS, JOB_COMMANDS, JOB_COMMAND_OUTCOMES, JOBS, JOB_EVENTS,
                CHECK_RESULTS, REVIEW_DECISIONS, REGISTRY_DEAD_LETTERS, API_KEYS, NOTIFICATION_REQUESTS, NOTIFICATION_ATTEMPTS,
                NOTIFICATION_DLQ, MONITORING_SUBJECTS));
        for (int tier = 1; tier <= retryTiers; tier++) {
            topics.add(notificationRetries(tier));
        }
        checkIds.stream().sorted().distinct().forEach(id -> topics.add(checkTasks(id)));
        return List.copyOf(topics);
    }
}
