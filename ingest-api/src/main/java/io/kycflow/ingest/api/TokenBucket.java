package io.kycflow.ingest.api;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code capacity} tokens, refilled continuously at {@code perSecond}; a request takes
 * one. Time comes from a nanosecond source so tests need not sleep.
 */
final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    TokenBucket(int capacity, int perSecond, LongSupplier nanoTime) {
        if (capacity < 1 || perSecond < 1) {
            throw new IllegalArgumentException("a bucket needs a capacity and a rate of at least 1");
        }
        this.capacity = capacity;
        this.perNano = (double) perSecond / NANOS_PER_SECOND;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Takes a token: 0 when one was there, else the nanoseconds until one will be (nothing is taken then). */
    long tryTake() {
        return tryTake(1);
    }

    /**
     * Takes {@code n} tokens at once (a batch), all or none: 0 when they were there, else the nanoseconds until
     * they will be. More than the capacity is never there; the caller keeps batches within it.
     */
    synchronized long tryTake(int n) {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
        if (tokens >= n) {
            tokens -= n;
            return 0;
        }
        return (long) Math.ceil((n - tokens) / perNano);
    }
}
