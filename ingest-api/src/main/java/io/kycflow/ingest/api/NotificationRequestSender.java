package io.kycflow.ingest.api;

import io.kycflow.common.job.JobKey;
import io.kycflow.common.notification.NotificationRequest;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.concurrent.CompletableFuture;

/** Writes re-send and test requests to {@code kyc.notifications.requests}, keyed like the job, for the notifier. */
public final class NotificationRequestSender {

    private final Producer<String, NotificationRequest> producer;

    public NotificationRequestSender(Producer<String, NotificationRequest> producer) {
        this.producer = producer;
    }

    /** Completes once Kafka has the request (acks=all), so a 202 means it will be sent. */
    public CompletableFuture<Void> send(NotificationRequest request) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(Topics.NOTIFICATION_REQUESTS.name(), new JobKey(request.tenantId(), request.jobId()).toString(),
                request), (metadata, error) -> {
            if (error == null) {
                written.complete(null);
            } else {
                written.completeExceptionally(error);
            }
        });
        return written;
    }
}
