package io.kycflow.notifier;

import io.kycflow.common.config.KycflowConfig;

import java.time.Duration;

/**
 * How hard the notifier tries: the retry schedule, the time one attempt may take from request to
 * response, and how much of a response body is read (then dropped).
 */
public record DeliveryPolicy(RetrySchedule schedule, Duration attemptTimeout, int responseBodyCap) {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_RESPONSE_BODY_CAP = 8192;

    /** The default schedule (about 31.5 hours), 10 s per attempt, 8 KiB of response read at most. */
    public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(
            new RetrySchedule(KycflowConfig.DEFAULT_WEBHOOK_RETRY_SCHEDULE), DEFAULT_ATTEMPT_TIMEOUT,
            DEFAULT_RESPONSE_BODY_CAP);

    public DeliveryPolicy {
        if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("attemptTimeout must be positive");
        }
        if (responseBodyCap < 0) {
            throw new IllegalArgumentException("responseBodyCap must not be negative");
        }
    }

    /** The schedule of {@code KYCFLOW_WEBHOOK_RETRY_SCHEDULE}, default timeouts. */
    public static DeliveryPolicy from(KycflowConfig config) {
        return new DeliveryPolicy(new RetrySchedule(config.webhookRetrySchedule()), DEFAULT_ATTEMPT_TIMEOUT,
                DEFAULT_RESPONSE_BODY_CAP);
    }

    public int maxAttempts() {
        return schedule.maxAttempts();
    }
}
