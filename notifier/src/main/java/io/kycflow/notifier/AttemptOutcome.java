package io.kycflow.notifier;

import java.time.Duration;
import java.util.Optional;

/**
 * What one attempt got: a status code, or an error (connection refused, timeout, refused by the URL
 * guard), how long it took, what to do next, and the wait the receiver asked for ({@code Retry-After}).
 * Retryable: connection errors, timeouts, 5xx, 408 and 429, and a host that does not resolve; anything
 * else that is not 2xx stops (other 4xx, and 3xx since redirects are not followed).
 */
public record AttemptOutcome(int statusCode, String error, Duration duration, Next next, Optional<Duration> retryAfter) {

    public enum Next { DELIVERED, RETRY, STOP }

    public static AttemptOutcome ofStatus(int statusCode, Duration duration) {
        return ofStatus(statusCode, duration, Optional.empty());
    }

    public static AttemptOutcome ofStatus(int statusCode, Duration duration, Optional<Duration> retryAfter) {
        Next next;
        if (statusCode >= 200 && statusCode < 300) {
            next = Next.DELIVERED;
        } else if (statusCode >= 500 || statusCode == 408 || statusCode == 429) {
            next = Next.RETRY;
        } else {
            next = Next.STOP;
        }
        return new AttemptOutcome(statusCode, null, duration, next, next == Next.RETRY ? retryAfter : Optional.empty());
    }

    public static AttemptOutcome retryableError(String error, Duration duration) {
        return new AttemptOutcome(0, error, duration, Next.RETRY, Optional.empty());
    }

    public static AttemptOutcome stoppingError(String error, Duration duration) {
        return new AttemptOutcome(0, error, duration, Next.STOP, Optional.empty());
    }

    /** The status code when there was an answer, else null (the attempt record then carries the error). */
    public Integer statusCodeOrNull() {
        return error == null ? statusCode : null;
    }

    /** For logs: {@code HTTP 503} or the error. */
    public String describe() {
        return error == null ? "HTTP " + statusCode : error;
    }
}
