package io.kycflow.ingest.registry;

import java.time.Instant;

/**
 * Tells the registry how far it has caught up with {@code kyc.check-results}. A check may only be
 * timed out when every result produced before its deadline has been read: otherwise a registry that
 * just restarted, with a backlog of results, would time out checks that had in fact finished.
 */
@FunctionalInterface
public interface CatchUpMonitor {

    /**
     * The latest moment such that every result written to this partition of {@code kyc.check-results}
     * before it has been processed and committed; {@link Instant#EPOCH} when not known yet.
     */
    Instant resultsProcessedAsOf(int partition);
}
