package io.kycflow.ingest.registry;

import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.json.Json;
import io.kycflow.common.review.ReviewDecision;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Folds analysts' decisions ({@code kyc.review-decisions}) into their jobs and answers each one on
 * {@code kyc.job-command-outcomes} by its decision id, like a command: accepted (the job with its review),
 * not found, conflict (the job's state), or rejected (the decision names a check or hit the job lacks, or is
 * unreadable: then also a dead letter). The topic keeps every decision; the job keeps the accepted ones.
 */
final class ReviewProcessor implements Processor<String, byte[], String, Object> {

    private static final Logger log = LoggerFactory.getLogger(ReviewProcessor.class);

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, Job> jobs;
    private RegistryOutput output;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.jobs = context.getStateStore(RegistryNames.JOB_STORE);
        this.output = new RegistryOutput(context, jobs);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        ReviewDecision decision;
        try {
            decision = Json.fromBytes(record.value(), ReviewDecision.class);
            if (decision.decisionId() == null || decision.decidedBy() == null
                    || !decision.key().toString().equals(record.key())) {
                throw new IllegalArgumentException("a decision needs decision_id, decided_by and a key matching its job");
            }
        } catch (RuntimeException e) {
            reject(record, "unreadable review decision: " + SubmissionProcessor.rootMessage(e), now);
            return;
        }
        String key = record.key();
        Job job = jobs.get(key);
        if (job == null) {
            output.outcome(key, CommandOutcome.notFound(decision.decisionId(), decision.tenantId(), decision.jobId()), now);
            return;
        }
        switch (ReviewFold.apply(job, decision, now)) {
            case ReviewFold.Applied applied -> {
                output.jobChanged(applied.job(), applied.eventType(), now);
                output.outcome(key, CommandOutcome.accepted(decision.decisionId(), OutcomeJob.of(applied.job())), now);
            }
            case ReviewFold.Refused refused when refused.conflict() -> output.outcome(key,
                    CommandOutcome.conflict(decision.decisionId(), decision.tenantId(), decision.jobId(), refused.reason()), now);
            case ReviewFold.Refused refused -> output.outcome(key, CommandOutcome.rejected(decision.decisionId(),
                    decision.tenantId(), decision.jobId(), refused.field() + ": " + refused.reason()), now);
        }
    }

    private void reject(Record<String, byte[]> record, String reason, Instant now) {
        log.warn("rejected a record on {}: {}", Topics.REVIEW_DECISIONS.name(), reason);
        Header header = record.headers().lastHeader(JobCommand.SUBMISSION_ID_HEADER);
        if (header != null && header.value() != null) {
            String tenant = null;
            String jobId = null;
            try {
                JobKey key = JobKey.parse(record.key());
                tenant = key.tenantId();
                jobId = key.jobId();
            } catch (RuntimeException ignored) {
                // answered by decision id all the same
            }
            output.outcome(record.key(), CommandOutcome.rejected(new String(header.value(), StandardCharsets.UTF_8),
                    tenant, jobId, reason), now);
        }
        output.deadLetter(record.key(), record.value(), Topics.REVIEW_DECISIONS.name(), reason, now);
    }
}
