package io.kycflow.ingest.api;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TenantRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aBucketAllowsABurstOfItsCapacityThenRefillsAtItsRate() {
        TokenBucket bucket = new TokenBucket(3, 3, now::get);
        assertEquals(0, bucket.tryTake());
        assertEquals(0, bucket.tryTake());
        assertEquals(0, bucket.tryTake());
        long wait = bucket.tryTake();
        assertEquals(333_333_334L, wait, 1, "a third of a second until the next token");
        now.addAndGet(wait);
        assertEquals(0, bucket.tryTake());
        now.addAndGet(10_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, bucket.tryTake(), "refilled, but never above the capacity");
        }
        assertEquals(true, bucket.tryTake() > 0);
    }

    @Test
    void eachTenantHasItsOwnBucketAndA429SaysWhenToRetry() {
        TenantRateLimiter limiter = new TenantRateLimiter(2, now::get);
        limiter.admit("acme");
        limiter.admit("acme");
        ApiError limited = assertThrows(ApiError.class, () -> limiter.admit("acme"));
        assertEquals(429, limited.status());
        assertEquals("1", limited.headers().get("Retry-After"), "half a second rounds up to one");
        assertDoesNotThrow(() -> limiter.admit("globex"), "another tenant is not limited by acme's traffic");
        now.addAndGet(500_000_000L);
        assertDoesNotThrow(() -> limiter.admit("acme"));

        TenantRateLimiter slow = new TenantRateLimiter(1, now::get);
        slow.admit("acme");
        now.addAndGet(10_000_000L);
        assertEquals("1", assertThrows(ApiError.class, () -> slow.admit("acme")).headers().get("Retry-After"));
    }
}
