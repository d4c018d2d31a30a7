package io.kycflow.ingest.api;

import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command to the registry and waits for its outcome, correlated by submission id. The waiter is
 * registered before the record is produced, so even the fastest answer is seen.
 */
public final class JobSubmitter {

    private final Producer<String, JobCommand> producer;
    private final OutcomeWaiter waiter;
    private final Duration timeout;

    public JobSubmitter(Producer<String, JobCommand> producer, OutcomeWaiter waiter, Duration timeout) {
        this.producer = producer;
        this.waiter = waiter;
        this.timeout = timeout;
    }

    /** Completes with the outcome, or exceptionally when the write fails or no outcome comes in time. */
    public CompletableFuture<CommandOutcome> send(JobCommand command) {
        CompletableFuture<CommandOutcome> outcome = waiter.register(command.submissionId());
        ProducerRecord<String, JobCommand> record =
                new ProducerRecord<>(Topics.JOB_COMMANDS.name(), command.key().toString(), command);
        record.headers().add(JobCommand.SUBMISSION_ID_HEADER, command.submissionId().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    outcome.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
        }
        return outcome.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((result, error) -> waiter.forget(command.submissionId()));
    }
}
