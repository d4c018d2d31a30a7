package io.kycflow.workers;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PartitionProgressTest {

    @Test
    void commitsOnlyBelowTheLowestTaskStillInFlight() {
        PartitionProgress p = new PartitionProgress();
        p.started(10);
        p.started(11);
        p.started(12);
        p.finished(11);
        p.finished(12);
        assertEquals(OptionalLong.of(10), p.committable(), "task 10 has not produced its result");
        p.committed(10);
        assertEquals(OptionalLong.empty(), p.committable());
        p.finished(10);
        assertEquals(OptionalLong.of(13), p.committable());
    }
}
