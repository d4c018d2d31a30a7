package io.kycflow.ingest.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@code KYCFLOW_RATE_LIMIT}: requests per second per tenant on this instance, with a burst of the same
 * size, so one tenant cannot starve the others. Tenants are as few as the API keys, so the buckets are
 * never evicted.
 */
public final class TenantRateLimiter {

    private final int perSecond;
    private final int burst;
    private final String unit;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public TenantRateLimiter(int perSecond) {
        this(perSecond, perSecond, "requests", System::nanoTime);
    }

    TenantRateLimiter(int perSecond, LongSupplier nanoTime) {
        this(perSecond, perSecond, "requests", nanoTime);
    }

    /**
     * A limit on something a request carries many of (names to screen): {@code burst} is at least the largest
     * batch one request may carry, so a full batch can always pass once the bucket has refilled.
     */
    public TenantRateLimiter(int perSecond, int burst, String unit) {
        this(perSecond, burst, unit, System::nanoTime);
    }

    TenantRateLimiter(int perSecond, int burst, String unit, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = Math.max(perSecond, burst);
        this.unit = unit;
        this.nanoTime = nanoTime;
    }

    /** Lets one request of the tenant through, or throws the 429 saying when to retry. */
    public void admit(String tenantId) {
        admit(tenantId, 1);
    }

    /** Lets {@code cost} units of the tenant through at once, or throws the 429 saying when to retry. */
    public void admit(String tenantId, int cost) {
        long wait = buckets.computeIfAbsent(tenantId, t -> new TokenBucket(burst, perSecond, nanoTime)).tryTake(cost);
        if (wait > 0) {
            long seconds = Math.max(1, (wait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
            throw ApiError.tooManyRequests(perSecond, unit, seconds);
        }
    }

    public int perSecond() {
        return perSecond;
    }
}
