package io.kycflow.notifier;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The delays between delivery attempts ({@code KYCFLOW_WEBHOOK_RETRY_SCHEDULE}): delay {@code i} is
 * retry tier {@code i}, served by topic {@code kyc.notifications.retry.<i>}. Attempts = delays + 1.
 * A receiver's {@code Retry-After} moves the next attempt up to the first tier at least that long
 * (the last tier at most), so every record in a tier waits the same delay and each tier stays in due order.
 */
public record RetrySchedule(List<Duration> delays) {

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule needs at least one delay");
        }
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }

    public int tiers() {
        return delays.size();
    }

    /** The delay of tier {@code tier} (1-based). */
    public Duration delay(int tier) {
        return delays.get(tier - 1);
    }

    /**
     * The tier of the retry after attempt {@code failedAttempt} (1-based) failed, or empty when it was the
     * last one (the delivery is dead-lettered). Normally tier {@code failedAttempt}; later when the
     * receiver asked for a longer wait.
     */
    public Optional<Integer> tierAfter(int failedAttempt, Optional<Duration> retryAfter) {
        if (failedAttempt >= maxAttempts()) {
            return Optional.empty();
        }
        int tier = failedAttempt;
        if (retryAfter.isPresent()) {
            while (tier < tiers() && delay(tier).compareTo(retryAfter.get()) < 0) {
                tier++;
            }
        }
        return Optional.of(tier);
    }

    /** From first attempt to last, if every attempt fails at once. */
    public Duration span() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
