package io.kycflow.ingest.api;

import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.command.RetryJob;
import io.kycflow.common.command.SubmitJob;
import io.kycflow.common.crypto.DataKeyIssuer;
import io.kycflow.common.crypto.IssuedDataKey;
import io.kycflow.common.crypto.DataKeyRef;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command to the registry and waits for its outcome, correlated by submission id. The waiter is
 * registered before the record is produced, so even the fastest answer is seen. A command that starts a job
 * (a submission, a retry's new job) carries the new submission's data key, wrapped, in a header
 * ({@link IssuedDataKey}): the data it seals travels with its key, and the registry stores the key with the job.
 */
public final class JobSubmitter {

    private final Producer<String, JobCommand> producer;
    private final OutcomeWaiter waiter;
    private final Duration timeout;
    private final RulesByName rulesByName = new RulesByName();

    public JobSubmitter(Producer<String, JobCommand> producer, OutcomeWaiter waiter, Duration timeout) {
        this.producer = producer;
        this.waiter = waiter;
        this.timeout = timeout;
    }

    /**
     * Completes with the outcome, or exceptionally when the write fails or no outcome comes in time. A
     * submission goes first with its agent's rules named ({@link RulesByName}); when that is refused (the
     * registry task does not hold those rules yet, or is a build that reads only whole plans) it goes again whole,
     * under a new submission id, and the caller gets that answer. The refused one started nothing. Both
     * sendings share the one outcome timeout.
     */
    public CompletableFuture<CommandOutcome> send(JobCommand command) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!(command instanceof SubmitJob whole)) {
            return sendOnce(command, deadline);
        }
        SubmitJob named = rulesByName.named(whole);
        if (named == null) {
            return sendOnce(whole, deadline);
        }
        return sendOnce(named, deadline).thenCompose(outcome -> outcome.outcome() == CommandOutcome.Kind.REJECTED
                ? sendOnce(whole.withSubmissionId(UUID.randomUUID().toString()), deadline)
                : CompletableFuture.completedFuture(outcome));
    }

    private CompletableFuture<CommandOutcome> sendOnce(JobCommand command, long deadline) {
        CompletableFuture<CommandOutcome> outcome = waiter.register(command.submissionId());
        String newKey = newDataKeyRef(command);
        produce(command, newKey == null ? null : DataKeyIssuer.issue(newKey), outcome);
        return outcome.orTimeout(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                .whenComplete((result, error) -> waiter.forget(command.submissionId()));
    }

    /** The data key a command carries: the one of the job it starts, if it starts one. */
    public static String newDataKeyRef(JobCommand command) {
        return switch (command) {
            case SubmitJob submit -> submit.dataKeyRef();
            case RetryJob retry -> DataKeyRef.of(retry.tenantId(), retry.newJobId(), retry.submissionId());
            default -> null;
        };
    }

    private void produce(JobCommand command, IssuedDataKey issued, CompletableFuture<CommandOutcome> outcome) {
        ProducerRecord<String, JobCommand> record =
                new ProducerRecord<>(Topics.JOB_COMMANDS.name(), command.key().toString(), command);
        record.headers().add(JobCommand.SUBMISSION_ID_HEADER, command.submissionId().getBytes(StandardCharsets.UTF_8));
        if (issued != null) {
            record.headers().add(IssuedDataKey.HEADER, issued.toHeader());
        }
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    outcome.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
        }
    }
}
