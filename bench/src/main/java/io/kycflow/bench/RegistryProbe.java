package io.kycflow.bench;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the job registry's own Kafka Streams and producer metrics through JMX (it runs in this JVM), so
 * each kycflow period can say where the registry's time went: how often it committed, how many commands
 * each transaction carried, and how long the flush, the offset commit and the transaction commit took.
 * That is what bounds the latency of an accepted job, which only becomes visible at commit.
 */
final class RegistryProbe {

    /** Cumulative counters at one moment; the difference of two describes the period between them. */
    record Snapshot(long nanos, double commits, double processed, double flushNanos, double offsetsNanos,
                    double commitTxnNanos, double retries) {
    }

    private static final String STREAM_THREADS = "kafka.streams:type=stream-thread-metrics,thread-id=registry-*";
    private static final String REGISTRY_PRODUCERS = "kafka.producer:type=producer-metrics,client-id=registry-*";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    Snapshot snapshot() {
        return new Snapshot(System.nanoTime(),
                sum(STREAM_THREADS, "commit-total"),
                sum(STREAM_THREADS, "process-total"),
                sum(REGISTRY_PRODUCERS, "flush-time-ns-total"),
                sum(REGISTRY_PRODUCERS, "txn-send-offsets-time-ns-total"),
                sum(REGISTRY_PRODUCERS, "txn-commit-time-ns-total"),
                sum(REGISTRY_PRODUCERS, "record-retry-total"));
    }

    /** One line: commit rate, records per transaction, mean time of each step of a commit, and retries. */
    String describe(Snapshot from, Snapshot to) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        double commits = to.commits() - from.commits();
        if (commits <= 0 || seconds <= 0) {
            return "registry: no commits in the period (metrics unavailable?)";
        }
        return String.format(Locale.ROOT,
                "registry (warm-up + period): %.0f commits/s, %.1f records per commit; per commit: flush %.1f ms, "
                        + "offsets %.1f ms, commitTransaction %.1f ms (%.0f%% of the thread's time); %.0f producer retries",
                commits / seconds, (to.processed() - from.processed()) / commits,
                (to.flushNanos() - from.flushNanos()) / commits / 1e6,
                (to.offsetsNanos() - from.offsetsNanos()) / commits / 1e6,
                (to.commitTxnNanos() - from.commitTxnNanos()) / commits / 1e6,
                100 * ((to.flushNanos() - from.flushNanos()) + (to.offsetsNanos() - from.offsetsNanos())
                        + (to.commitTxnNanos() - from.commitTxnNanos())) / (seconds * 1e9),
                to.retries() - from.retries());
    }

    private double sum(String pattern, String attribute) {
        double total = 0;
        try {
            Set<ObjectName> names = server.queryNames(new ObjectName(pattern), null);
            for (ObjectName name : names) {
                if (server.getAttribute(name, attribute) instanceof Number value && Double.isFinite(value.doubleValue())) {
                    total += value.doubleValue();
                }
            }
        } catch (Exception e) {
            return Double.NaN;
        }
        return total;
    }
}
