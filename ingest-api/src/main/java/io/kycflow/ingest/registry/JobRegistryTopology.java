package io.kycflow.ingest.registry;

import io.kycflow.common.json.JsonSerde;
import io.kycflow.common.notification.WebhookDeliveries;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;

/**
 * The job registry: commands and check results in; outcomes, jobs, events and check tasks out.
 * <pre>
 * kyc.job-commands  ─► submission-processor ─┬─► kyc.job-command-outcomes, kyc.job-commands (a retry's new job),
 *                                             │   kyc.job-keys (an accepted job's key; tombstones: deleted jobs,
 *                                             │   losing submissions),
 *                                             │   kyc.monitoring.subjects (monitoring started, ended, job deleted)
 *   (job, index, deadline, agent rules stores) ├─► kyc.jobs, kyc.job-events
 * kyc.check-results ─► result-processor ─────┼─► kyc.check-tasks.&lt;check&gt;
 *           (job, deadline, agent rules)      └─► kyc.registry.dead-letters
 * kyc.review-decisions ─► review-processor ─► kyc.jobs, kyc.job-events, kyc.job-command-outcomes (by decision id)
 * kyc.notifications.attempts ─► delivery-log-processor (webhook delivery store, for getWebhookDeliveries)
 * </pre>
 * The command, result and review sources share the job store, so they are co-partitioned and one task owns each job.
 * Values are read as bytes and parsed inside the processors: an unreadable record becomes a dead
 * letter (and a {@code rejected} outcome), not a dead stream thread.
 */
public final class JobRegistryTopology {

    public static final Duration DEFAULT_TIMEOUT_SCAN = Duration.ofSeconds(1);

    private JobRegistryTopology() {
    }

    public static Topology build(CatchUpMonitor catchUp, Duration timeoutScanInterval) {
        Topology topology = new Topology();
        topology.addSource(RegistryNames.COMMANDS_SOURCE, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), Topics.JOB_COMMANDS.name());
        topology.addSource(RegistryNames.RESULTS_SOURCE, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), Topics.CHECK_RESULTS.name());

        topology.addSource(RegistryNames.ATTEMPTS_SOURCE, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), Topics.NOTIFICATION_ATTEMPTS.name());

        topology.addSource(RegistryNames.REVIEWS_SOURCE, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), Topics.REVIEW_DECISIONS.name());

        topology.addProcessor(RegistryNames.SUBMISSION_PROCESSOR, SubmissionProcessor::new, RegistryNames.COMMANDS_SOURCE);
        topology.addProcessor(RegistryNames.REVIEW_PROCESSOR, ReviewProcessor::new, RegistryNames.REVIEWS_SOURCE);
        topology.addProcessor(RegistryNames.RESULT_PROCESSOR, () -> new ResultProcessor(catchUp, timeoutScanInterval),
                RegistryNames.RESULTS_SOURCE);
        topology.addProcessor(RegistryNames.DELIVERY_LOG_PROCESSOR, DeliveryLogProcessor::new, RegistryNames.ATTEMPTS_SOURCE);

        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RegistryNames.JOB_STORE),
                Topics.JOBS.keySerde(), Topics.JOBS.valueSerde()), RegistryNames.SUBMISSION_PROCESSOR, RegistryNames.RESULT_PROCESSOR,
                RegistryNames.REVIEW_PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RegistryNames.DEADLINE_STORE),
                Serdes.String(), Serdes.String()), RegistryNames.SUBMISSION_PROCESSOR, RegistryNames.RESULT_PROCESSOR);

        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RegistryNames.AGENT_RULES_STORE),
                Serdes.String(), Serdes.ByteArray()), RegistryNames.SUBMISSION_PROCESSOR, RegistryNames.RESULT_PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RegistryNames.JOB_INDEX_STORE),
                Serdes.String(), Serdes.String()), RegistryNames.SUBMISSION_PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RegistryNames.DELIVERY_LOG_STORE),
                Serdes.String(), new JsonSerde<>(WebhookDeliveries.class)), RegistryNames.DELIVERY_LOG_PROCESSOR);

        String[] jobWriters = {RegistryNames.SUBMISSION_PROCESSOR, RegistryNames.RESULT_PROCESSOR,
                RegistryNames.REVIEW_PROCESSOR};
        topology.addSink(RegistryNames.OUTCOMES_SINK, Topics.JOB_COMMAND_OUTCOMES.name(),
                Topics.JOB_COMMAND_OUTCOMES.keySerde().serializer(), Topics.JOB_COMMAND_OUTCOMES.valueSerde().serializer(),
                RegistryNames.SUBMISSION_PROCESSOR, RegistryNames.REVIEW_PROCESSOR);
        topology.addSink(RegistryNames.JOBS_SINK, Topics.JOBS.name(),
                Topics.JOBS.keySerde().serializer(), Topics.JOBS.valueSerde().serializer(), jobWriters);
        topology.addSink(RegistryNames.JOB_EVENTS_SINK, Topics.JOB_EVENTS.name(),
                Topics.JOB_EVENTS.keySerde().serializer(), Topics.JOB_EVENTS.valueSerde().serializer(), jobWriters);
        topology.addSink(RegistryNames.CHECK_TASKS_SINK,
                new CheckTaskTopicExtractor(),
                Serdes.String().serializer(), Topics.CHECK_TASK_SERDE.serializer(),
                RegistryNames.SUBMISSION_PROCESSOR);
        topology.addSink(RegistryNames.COMMANDS_SINK, Topics.JOB_COMMANDS.name(),
                Topics.JOB_COMMANDS.keySerde().serializer(), Topics.JOB_COMMANDS.valueSerde().serializer(),
                RegistryNames.SUBMISSION_PROCESSOR);
        topology.addSink(RegistryNames.JOB_KEYS_SINK, Topics.JOB_KEYS.name(),
                Topics.JOB_KEYS.keySerde().serializer(), Topics.JOB_KEYS.valueSerde().serializer(),
                RegistryNames.SUBMISSION_PROCESSOR);
        topology.addSink(RegistryNames.MONITORING_SUBJECTS_SINK, Topics.MONITORING_SUBJECTS.name(),
                Topics.MONITORING_SUBJECTS.keySerde().serializer(), Topics.MONITORING_SUBJECTS.valueSerde().serializer(),
                RegistryNames.SUBMISSION_PROCESSOR);
        topology.addSink(RegistryNames.DEAD_LETTERS_SINK, Topics.REGISTRY_DEAD_LETTERS.name(),
                Topics.REGISTRY_DEAD_LETTERS.keySerde().serializer(), Topics.REGISTRY_DEAD_LETTERS.valueSerde().serializer(),
                RegistryNames.SUBMISSION_PROCESSOR, RegistryNames.RESULT_PROCESSOR, RegistryNames.DELIVERY_LOG_PROCESSOR,
                RegistryNames.REVIEW_PROCESSOR);
        return topology;
    }
}
