package io.kycflow.ingest.registry;

import io.kycflow.common.json.Json;
import io.kycflow.common.notification.DeliveryAttempt;
import io.kycflow.common.notification.WebhookDeliveries;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;

/**
 * Folds the notifier's attempt records into one {@link WebhookDeliveries} per job, the store behind
 * {@code getWebhookDeliveries}. Keyed like every job topic, so the API finds a job's deliveries the way
 * it finds the job. An unreadable record is a dead letter, not a dead stream thread.
 */
final class DeliveryLogProcessor implements Processor<String, byte[], String, Object> {

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, WebhookDeliveries> deliveries;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.deliveries = context.getStateStore(RegistryNames.DELIVERY_LOG_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        DeliveryAttempt attempt;
        try {
            attempt = Json.fromBytes(record.value(), DeliveryAttempt.class);
            if (record.key() == null || attempt.deliveryId() == null || attempt.state() == null) {
                throw new IllegalArgumentException("an attempt record needs a key, delivery_id and state");
            }
        } catch (RuntimeException e) {
            RegistryOutput.deadLetter(context, record.key(), record.value(), Topics.NOTIFICATION_ATTEMPTS.name(),
                    "unreadable delivery attempt: " + SubmissionProcessor.rootMessage(e), Instant.ofEpochMilli(record.timestamp()));
            return;
        }
        WebhookDeliveries current = deliveries.get(record.key());
        WebhookDeliveries updated = (current == null ? WebhookDeliveries.empty(record.key()) : current).with(attempt);
        if (updated != current) {
            deliveries.put(record.key(), updated);
        }
    }
}
