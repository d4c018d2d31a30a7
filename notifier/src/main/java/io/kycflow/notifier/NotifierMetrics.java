package io.kycflow.notifier;

import io.kycflow.common.notification.DeliveryStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The notifier's metrics (tags: target and outcome, never a host or a job): attempts by outcome,
 * attempt latency, the DLQ's size, and the age of the oldest delivery waiting for a retry.
 */
final class NotifierMetrics {

    private final MeterRegistry registry;
    private final AtomicLong dlqSize = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    NotifierMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("kycflow.notifier.dlq.size", dlqSize, AtomicLong::get)
                .description("Deliveries on the dead-letter topic (records retained)").register(registry);
        Gauge.builder("kycflow.notifier.retry.oldest.pending", oldestPendingSeconds, AtomicLong::get)
                .baseUnit("seconds")
                .description("Since the first attempt of the oldest delivery waiting for a retry (0: none)")
                .register(registry);
    }

    void attempted(String target, DeliveryStatus outcome, Duration took) {
        Counter.builder("kycflow.notifier.deliveries").description("Delivery attempts by target and resulting state")
                .tag("target", target).tag("outcome", outcome.wire()).register(registry).increment();
        Timer.builder("kycflow.notifier.attempt.duration").description("Time of one delivery attempt")
                .tag("target", target).publishPercentileHistogram().register(registry).record(took);
    }

    void dlqSize(long records) {
        dlqSize.set(records);
    }

    void oldestPending(Duration age) {
        oldestPendingSeconds.set(Math.max(0, age.toSeconds()));
    }
}
