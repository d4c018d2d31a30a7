package io.kycflow.ingest.api;

import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.review.ReviewDecision;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Appends an analyst's decision to {@code kyc.review-decisions} and waits for the registry's answer, which
 * comes on the outcomes topic under the decision id (the waiter is registered before the record is produced).
 */
public final class DecisionSender {

    private final Producer<String, ReviewDecision> producer;
    private final OutcomeWaiter waiter;
    private final Duration timeout;

    public DecisionSender(Producer<String, ReviewDecision> producer, OutcomeWaiter waiter, Duration timeout) {
        this.producer = producer;
        this.waiter = waiter;
        this.timeout = timeout;
    }

    public CompletableFuture<CommandOutcome> send(ReviewDecision decision) {
        CompletableFuture<CommandOutcome> outcome = waiter.register(decision.decisionId());
        ProducerRecord<String, ReviewDecision> record =
                new ProducerRecord<>(Topics.REVIEW_DECISIONS.name(), decision.key().toString(), decision);
        // The decision id in a header too: even a record the registry cannot read gets its answer.
        record.headers().add(JobCommand.SUBMISSION_ID_HEADER, decision.decisionId().getBytes(StandardCharsets.UTF_8));
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
                .whenComplete((result, error) -> waiter.forget(decision.decisionId()));
    }
}
