package io.kycflow.common.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every delivery of one job's notifications with its attempts: what {@code getWebhookDeliveries} shows,
 * folded by the registry from {@code kyc.notifications.attempts}. Attempts arrive at least once, so a
 * record already folded (same delivery, attempt number and time) changes nothing.
 */
public record WebhookDeliveries(int schemaVersion, String jobKey, List<Delivery> deliveries) {

    public static final int SCHEMA_VERSION = 1;

    /** One delivery of one event to one target; its state is its latest attempt's. */
    public record Delivery(String deliveryId, String eventId, String eventType, String target, String host,
                           DeliveryStatus state, List<Attempt> attempts, Instant nextAttemptAt) {
    }

    public record Attempt(int attempt, Instant at, Integer statusCode, String error, long durationMs) {
    }

    public static WebhookDeliveries empty(String jobKey) {
        return new WebhookDeliveries(SCHEMA_VERSION, jobKey, List.of());
    }

    /** This view with one more attempt; unchanged when the attempt is already in it. */
    public WebhookDeliveries with(DeliveryAttempt record) {
        List<Delivery> updated = new ArrayList<>(deliveries);
        Attempt attempt = new Attempt(record.attempt(), record.at(), record.statusCode(), record.error(),
                record.durationMs());
        int index = indexOf(record.deliveryId());
        if (index < 0) {
            updated.add(new Delivery(record.deliveryId(), record.eventId(), record.eventType(), record.target(),
                    record.host(), record.state(), List.of(attempt), record.nextAttemptAt()));
            return new WebhookDeliveries(SCHEMA_VERSION, jobKey, List.copyOf(updated));
        }
        Delivery existing = updated.get(index);
        if (existing.attempts().contains(attempt)) {
            return this;
        }
        List<Attempt> attempts = new ArrayList<>(existing.attempts());
        attempts.add(attempt);
        attempts.sort(Comparator.comparingInt(Attempt::attempt).thenComparing(Attempt::at));
        boolean latest = attempts.getLast().equals(attempt);
        updated.set(index, new Delivery(existing.deliveryId(), existing.eventId(), existing.eventType(),
                existing.target(), record.host(), latest ? record.state() : existing.state(), List.copyOf(attempts),
                latest ? record.nextAttemptAt() : existing.nextAttemptAt()));
        return new WebhookDeliveries(SCHEMA_VERSION, jobKey, List.copyOf(updated));
    }

    private int indexOf(String deliveryId) {
        for (int i = 0; i < deliveries.size(); i++) {
            if (deliveries.get(i).deliveryId().equals(deliveryId)) {
                return i;
            }
        }
        return -1;
    }
}
