package io.kycflow.ingest.registry;

/**
 * Every name in the registry topology. These are part of the data format: a store's changelog topic
 * is named after it, so renaming a store orphans its state (the job store is the record of the job_ids
 * taken: renamed, every job_id could be reused).
 * {@code JobRegistryTopologyTest} pins the whole description.
 */
public final class RegistryNames {

    public static final String APPLICATION_ID = "kycflow-registry";

    public static final String JOB_STORE = "job-store";
    public static final String DEADLINE_STORE = "job-deadline-store";
    public static final String JOB_INDEX_STORE = "job-index-store";
    public static final String DELIVERY_LOG_STORE = "webhook-delivery-store";
    /** Agent rules by content id, each distinct set once per task: jobs name theirs ({@link AgentRulesBook}). */
    public static final String AGENT_RULES_STORE = "agent-rules-store";

    static final String COMMANDS_SOURCE = "job-commands-source";
    static final String RESULTS_SOURCE = "check-results-source";
    static final String SUBMISSION_PROCESSOR = "submission-processor";
    static final String RESULT_PROCESSOR = "result-processor";
    static final String ATTEMPTS_SOURCE = "notification-attempts-source";
    static final String DELIVERY_LOG_PROCESSOR = "delivery-log-processor";
    static final String REVIEWS_SOURCE = "review-decisions-source";
    static final String REVIEW_PROCESSOR = "review-processor";
    static final String OUTCOMES_SINK = "outcomes-sink";
    static final String JOBS_SINK = "jobs-sink";
    static final String JOB_EVENTS_SINK = "job-events-sink";
    static final String CHECK_TASKS_SINK = "check-tasks-sink";
    static final String DEAD_LETTERS_SINK = "dead-letters-sink";
    static final String COMMANDS_SINK = "job-commands-sink";
    /** Accepted jobs' data keys, and tombstones of destroyed ones (deleted jobs, submissions that lost the race). */
    static final String JOB_KEYS_SINK = "job-keys-sink";
    /** Monitored subjects: a record when a job's monitoring starts, a tombstone when it ends or the job is deleted. */
    static final String MONITORING_SUBJECTS_SINK = "monitoring-subjects-sink";

    private RegistryNames() {
    }
}
