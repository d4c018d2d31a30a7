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
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public TenantRateLimiter(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    TenantRateLimiter(int perSecond, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
    }

    /** Lets one request of the tenant through, or throws the 429 saying when to retry. */
    public void admit(String tenantId) {
        long wait = buckets.computeIfAbsent(tenantId, t -> new TokenBucket(perSecond, perSecond, nanoTime)).tryTake();
        if (wait > 0) {
            long seconds = Math.max(1, (wait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
            throw ApiError.tooManyRequests(perSecond, seconds);
        }
    }

    public int perSecond() {
        return perSecond;
    }
}
