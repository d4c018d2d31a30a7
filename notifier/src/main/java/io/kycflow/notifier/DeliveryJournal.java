package io.kycflow.notifier;

import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.notification.DeliveryAttempt;
import io.kycflow.common.notification.ParkedDelivery;
import io.kycflow.common.topic.Topic;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the notifier writes after an attempt: the attempt record ({@code kyc.notifications.attempts}) and,
 * when the delivery goes on, its parked copy on a retry tier or the DLQ. The returned future completes
 * once Kafka has every record (acks=all, idempotent), and only then is the attempt's source record
 * committed: a crash in between repeats the attempt rather than losing the retry.
 */
final class DeliveryJournal implements AutoCloseable {

    /** Where a parked delivery goes next. */
    sealed interface Next permits Retry, DeadLetter {
    }

    record Retry(int tier, ParkedDelivery parked) implements Next {
    }

    record DeadLetter(ParkedDelivery parked) implements Next {
    }

    private final KafkaProducer<String, byte[]> producer;

    DeliveryJournal(KafkaClientSettings kafka, String clientId) {
        this.producer = new KafkaProducer<>(kafka.producer(clientId), new StringSerializer(), new ByteArraySerializer());
    }

    CompletableFuture<Void> write(String jobKey, DeliveryAttempt attempt, Optional<Next> next) {
        CompletableFuture<Void> attemptWritten = send(Topics.NOTIFICATION_ATTEMPTS, jobKey, attempt);
        CompletableFuture<Void> nextWritten = next.map(n -> switch (n) {
            case Retry retry -> send(Topics.notificationRetries(retry.tier()), jobKey, retry.parked());
            case DeadLetter dead -> send(Topics.NOTIFICATION_DLQ, jobKey, dead.parked());
        }).orElse(CompletableFuture.completedFuture(null));
        return CompletableFuture.allOf(attemptWritten, nextWritten);
    }

    private <V> CompletableFuture<Void> send(Topic<String, V> topic, String key, V value) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        producer.send(new ProducerRecord<>(topic.name(), key, bytes), (metadata, error) -> {
            if (error == null) {
                written.complete(null);
            } else {
                written.completeExceptionally(error);
            }
        });
        return written;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
