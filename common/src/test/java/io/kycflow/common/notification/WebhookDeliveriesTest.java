package io.kycflow.common.notification;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class WebhookDeliveriesTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static DeliveryAttempt attempt(String delivery, int n, Instant at, Integer status, DeliveryStatus state) {
        return new DeliveryAttempt(DeliveryAttempt.SCHEMA_VERSION, delivery, "event-1", "job.complete", "webhook",
                "hooks.example.com", n, at, status, status == null ? "timed out" : null, 12, state,
                state == DeliveryStatus.PENDING ? at.plusSeconds(30) : null);
    }

    @Test
    void attemptsGroupByDeliveryAndTheLatestSetsTheState() {
        WebhookDeliveries log = WebhookDeliveries.empty("acme/j1")
                .with(attempt("d1", 1, T0, 500, DeliveryStatus.PENDING))
                .with(attempt("d2", 1, T0, 200, DeliveryStatus.DELIVERED))
                .with(attempt("d1", 2, T0.plusSeconds(30), null, DeliveryStatus.PENDING))
                .with(attempt("d1", 3, T0.plusSeconds(150), 200, DeliveryStatus.DELIVERED));
        assertEquals(2, log.deliveries().size());
        WebhookDeliveries.Delivery first = log.deliveries().getFirst();
        assertEquals(3, first.attempts().size());
        assertEquals(DeliveryStatus.DELIVERED, first.state());
        assertEquals(null, first.nextAttemptAt());
        assertEquals("timed out", first.attempts().get(1).error());
    }

    @Test
    void aRecordSeenTwiceChangesNothingAndALateOneDoesNotRewindTheState() {
        WebhookDeliveries log = WebhookDeliveries.empty("acme/j1")
                .with(attempt("d1", 2, T0.plusSeconds(30), 200, DeliveryStatus.DELIVERED));
        assertSame(log, log.with(attempt("d1", 2, T0.plusSeconds(30), 200, DeliveryStatus.DELIVERED)));
        WebhookDeliveries late = log.with(attempt("d1", 1, T0, 500, DeliveryStatus.PENDING));
        assertEquals(2, late.deliveries().getFirst().attempts().size());
        assertEquals(DeliveryStatus.DELIVERED, late.deliveries().getFirst().state());
    }
}
