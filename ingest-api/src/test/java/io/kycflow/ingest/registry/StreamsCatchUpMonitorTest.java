package io.kycflow.ingest.registry;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StreamsCatchUpMonitorTest {

    private final Instant t0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void knowsNothingUntilTheCommittedOffsetReachesAnObservedEnd() {
        StreamsCatchUpMonitor monitor = new StreamsCatchUpMonitor(Clock.systemUTC());
        monitor.observe(0, t0, 10L, 4L);
        assertEquals(Instant.EPOCH, monitor.resultsProcessedAsOf(0));
        monitor.observe(0, t0.plusSeconds(1), 12L, 10L);
        assertEquals(t0, monitor.resultsProcessedAsOf(0), "everything written before t0 is processed");
        monitor.observe(0, t0.plusSeconds(2), 12L, 12L);
        assertEquals(t0.plusSeconds(2), monitor.resultsProcessedAsOf(0));
    }

    @Test
    void anEmptyPartitionIsCaughtUpAndAnUnprocessedOneIsNot() {
        StreamsCatchUpMonitor monitor = new StreamsCatchUpMonitor(Clock.systemUTC());
        monitor.observe(1, t0, 0L, null);
        assertEquals(t0, monitor.resultsProcessedAsOf(1));
        monitor.observe(2, t0, 5L, -1L);
        assertEquals(Instant.EPOCH, monitor.resultsProcessedAsOf(2));
    }
}
