package io.kycflow.ingest.registry;

import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.json.Json;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Folds check results into their jobs, and times out checks whose deadline has passed. Workers deliver
 * at least once, so a result for a check that is already final is ignored; a result for a job this
 * registry never accepted is kept as a dead letter.
 */
final class ResultProcessor implements Processor<String, byte[], String, Object> {

    private static final Logger log = LoggerFactory.getLogger(ResultProcessor.class);
    /**
     * How many due deadline entries one scan of one task takes. A check worker that was down for a while leaves
     * thousands due at once; taken together they held the stream thread (and every submission behind it) for
     * seconds in one huge transaction. The rest wait for the next scan: a timeout is a little late, never lost.
     */
    static final int MAX_DUE_PER_SCAN = 200;

    private final CatchUpMonitor catchUp;
    private final Duration scanInterval;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, Job> jobs;
    private JobDeadlines deadlines;
    private AgentRulesBook rules;
    private RegistryOutput output;

    ResultProcessor(CatchUpMonitor catchUp, Duration scanInterval) {
        this.catchUp = catchUp;
        this.scanInterval = scanInterval;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.jobs = context.getStateStore(RegistryNames.JOB_STORE);
        this.deadlines = new JobDeadlines(context.getStateStore(RegistryNames.DEADLINE_STORE));
        this.rules = new AgentRulesBook(context.getStateStore(RegistryNames.AGENT_RULES_STORE));
        this.output = new RegistryOutput(context, jobs);
        context.schedule(scanInterval, PunctuationType.WALL_CLOCK_TIME, this::timeOutDueChecks);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        CheckResult result;
        try {
            result = Json.fromBytes(record.value(), CheckResult.class);
            if (result.commandId() == null || result.status() == null) {
                throw new IllegalArgumentException("a result needs command_id and status");
            }
        } catch (RuntimeException e) {
            deadLetter(record, "unreadable check result: " + SubmissionProcessor.rootMessage(e), now);
            return;
        }
        Job job = record.key() == null ? null : jobs.get(record.key());
        if (job == null) {
            deadLetter(record, "check result for a job this registry does not know", now);
            return;
        }
        JobFold.apply(job, result, rules.of(job), now).ifPresent(change -> {
            output.jobChanged(change, now);
            if (change.job().status().isTerminal()) {
                deadlines.forget(change.job());
            }
        });
    }

    /**
     * Times out due checks, but only those whose deadline lies before the moment up to which this
     * partition's results are known to be processed: after a restart the backlog is read first.
     */
    private void timeOutDueChecks(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        Instant safeUpTo = catchUp.resultsProcessedAsOf(context.taskId().partition());
        Instant limit = safeUpTo.isBefore(now) ? safeUpTo : now;
        for (DeadlineKey due : deadlines.takeDue(limit, MAX_DUE_PER_SCAN)) {
            Job job = jobs.get(due.job().toString());
            if (job == null) {
                continue;
            }
            for (String checkId : JobDeadlines.checksDue(due, job, limit)) {
                Optional<JobFold.Change> change = JobFold.timeOut(job, checkId, rules.of(job), now);
                if (change.isPresent()) {
                    log.info("check {} of job {} timed out", checkId, due.job());
                    output.jobChanged(change.get(), now);
                    job = change.get().job();
                }
            }
            if (job.status().isTerminal()) {
                deadlines.forget(job);
            }
        }
    }

    private void deadLetter(Record<String, byte[]> record, String reason, Instant now) {
        String key = record.key();
        try {
            key = JobKey.parse(record.key()).toString();
        } catch (RuntimeException ignored) {
            // kept as it came
        }
        log.warn("dead-lettered a record on {}: {}", Topics.CHECK_RESULTS.name(), reason);
        output.deadLetter(key, record.value(), Topics.CHECK_RESULTS.name(), reason, now);
    }
}
