package io.kycflow.common.topic;

import io.kycflow.common.command.CheckTask;
import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.json.JsonSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
            new Topic<>("kyc.jobs", Serdes.String(), new JsonSerde<>(Job.class), COMPACT, null);

    public static final Topic<String, JobEvent> JOB_EVENTS =
            new Topic<>("kyc.job-events", Serdes.String(), new JsonSerde<>(JobEvent.class), DELETE, DAYS_7);

    public static final Topic<String, CheckResult> CHECK_RESULTS =
            new Topic<>("kyc.check-results", Serdes.String(), new JsonSerde<>(CheckResult.class), DELETE, DAYS_7);

    /** Records the registry could not read, kept byte for byte with the reason in headers. */
    public static final Topic<String, byte[]> REGISTRY_DEAD_LETTERS =
            new Topic<>("kyc.registry.dead-letters", Serdes.String(), Serdes.ByteArray(), DELETE, Duration.ofDays(30));

    public static final String CHECK_TASKS_PREFIX = "kyc.check-tasks.";

    /** The value serde of every {@code kyc.check-tasks.<check>} topic. */
    public static final Serde<CheckTask> CHECK_TASK_SERDE = new JsonSerde<>(CheckTask.class);

    private Topics() {
    }

    /** The task topic of one check: {@code kyc.check-tasks.<check id>}. */
    public static Topic<String, CheckTask> checkTasks(String checkId) {
        return new Topic<>(CHECK_TASKS_PREFIX + checkId, Serdes.String(), CHECK_TASK_SERDE, DELETE, DAYS_7);
    }

    /** Every topic the services need, given the checks the configured agents name. */
    public static List<Topic<?, ?>> all(Collection<String> checkIds) {
        List<Topic<?, ?>> topics = new ArrayList<>(List.of(JOB_COMMANDS, JOB_COMMAND_OUTCOMES, JOBS, JOB_EVENTS,
                CHECK_RESULTS, REGISTRY_DEAD_LETTERS));
        checkIds.stream().sorted().distinct().forEach(id -> topics.add(checkTasks(id)));
        return List.copyOf(topics);
    }
}
