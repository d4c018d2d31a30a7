package io.kycflow.notifier;

import java.time.Duration;
import java.util.List;

/**
 * How hard the notifier tries: the delays between attempts (so attempts = delays + 1), the time one
 * attempt may take from request to response, and how much of a response body is read (then dropped).
 * This first version keeps retries in memory, so the schedule is short; the durable one moves them to
 * Kafka and spans a day.
 */
public record DeliveryPolicy(List<Duration> retryDelays, Duration attemptTimeout, int responseBodyCap) {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** 4 attempts over about half a minute, 10 s per attempt, 8 KiB of response read at most. */
    public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(20)), Duration.ofSeconds(10), 8192);

    public DeliveryPolicy {
        retryDelays = List.copyOf(retryDelays);
        if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("attemptTimeout must be positive");
        }
        if (responseBodyCap < 0) {
            throw new IllegalArgumentException("responseBodyCap must not be negative");
        }
    }

    public int maxAttempts() {
        return retryDelays.size() + 1;
    }

    /** The wait before attempt {@code attempt} (2 = the first retry). */
    public Duration delayBefore(int attempt) {
        return retryDelays.get(attempt - 2);
    }
}
