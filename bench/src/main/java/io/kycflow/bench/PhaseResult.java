package io.kycflow.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.SortedMap;

/**
 * What one measured period of one target produced: every response completed inside the period, the
 * 200s among them, the rest by status ({@code io} for a broken connection or a timeout), and the
 * latency of all of them in microseconds (a 503 after the outcome timeout is latency a client sees).
 */
record PhaseResult(String target, int clients, int round, Duration period, long requests, long accepted,
                   SortedMap<String, Long> errors, Histogram latencyMicros, CpuUsage cpu) {

    double acceptedPerSecond() {
        return accepted / (period.toNanos() / 1e9);
    }

    double percentileMillis(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return latencyMicros.getMaxValue() / 1000.0;
    }
}
