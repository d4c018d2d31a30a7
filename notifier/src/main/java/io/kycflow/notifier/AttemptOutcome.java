package io.kycflow.notifier;

import java.time.Duration;

/**
 * What one attempt got: a status code, or an error (connection refused, timeout, refused by the URL
 * guard), how long it took, and what to do next. Retryable: connection errors, timeouts, 5xx, 408 and
 * 429, and a host that does not resolve; anything else that is not 2xx stops (other 4xx, and 3xx since
 * redirects are not followed).
 */
public record AttemptOutcome(int statusCode, String error, Duration duration, Next next) {

    public enum Next { DELIVERED, RETRY, STOP }

    public static AttemptOutcome ofStatus(int statusCode, Duration duration) {
        Next next;
        if (statusCode >= 200 && statusCode < 300) {
            next = Next.DELIVERED;
        } else if (statusCode >= 500 || statusCode == 408 || statusCode == 429) {
            next = Next.RETRY;
        } else {
            next = Next.STOP;
        }
        return new AttemptOutcome(statusCode, null, duration, next);
    }

    public static AttemptOutcome retryableError(String error, Duration duration) {
        return new AttemptOutcome(0, error, duration, Next.RETRY);
    }

    public static AttemptOutcome stoppingError(String error, Duration duration) {
        return new AttemptOutcome(0, error, duration, Next.STOP);
    }

    /** For logs: {@code HTTP 503} or the error. */
    public String describe() {
        return error == null ? "HTTP " + statusCode : error;
    }
}
