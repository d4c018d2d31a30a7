package io.kycflow.ingest.query;

import java.time.Duration;

/**
 * How long one read may wait for the registry (a rebalance, a restoring store, an owner that moved) before
 * it answers 503. Carried to the owner when the read is forwarded, so both ends give up together.
 */
public record ReadDeadline(long nanoTime) {

    public static ReadDeadline in(Duration budget) {
        return new ReadDeadline(System.nanoTime() + budget.toNanos());
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()));
    }

    public boolean passed() {
        return System.nanoTime() - nanoTime >= 0;
    }

    /** The earlier of this deadline and {@code budget} from now. */
    public ReadDeadline atMost(Duration budget) {
        ReadDeadline other = in(budget);
        return other.nanoTime - nanoTime < 0 ? other : this;
    }
}
