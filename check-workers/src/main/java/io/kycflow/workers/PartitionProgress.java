package io.kycflow.workers;

import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The offsets of one partition's tasks in flight. The committable offset is the lowest one still in
 * flight, or one past the highest polled when none is: a commit never passes a task that has not
 * produced its result, so a crash re-runs it rather than losing it. Used by the poll thread only.
 */
final class PartitionProgress {

    private final TreeSet<Long> inFlight = new TreeSet<>();
    private long nextAfterPolled = -1;
    private long lastCommitted = -1;

    void started(long offset) {
        inFlight.add(offset);
        nextAfterPolled = Math.max(nextAfterPolled, offset + 1);
    }

    void finished(long offset) {
        inFlight.remove(offset);
    }

    int inFlightCount() {
        return inFlight.size();
    }

    /** The offset to commit now, if it moved since the last commit. */
    OptionalLong committable() {
        long offset = inFlight.isEmpty() ? nextAfterPolled : inFlight.first();
        return offset > lastCommitted ? OptionalLong.of(offset) : OptionalLong.empty();
    }

    void committed(long offset) {
        lastCommitted = offset;
    }
}
