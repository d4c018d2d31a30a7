package io.kycflow.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prints the results as a plain-text table (pasteable into docs/performance.md), one row per measured
 * period in the order they ran, then kycflow's throughput as a share of the raw path's and the targets
 * of the foundation issue: at least half the raw rate, p99 at most 100 ms.
 */
final class BenchmarkReport {

    static final double TARGET_RATIO = 0.5;
    static final double TARGET_P99_MILLIS = 100;

    private static final String ROW = "| %-7s | %5s | %8s | %8s | %-14s | %8s | %7s | %7s | %7s | %8s | %-12s |%n";

    private final PrintStream out;

    BenchmarkReport(PrintStream out) {
        this.out = out;
    }

    void header() {
        out.printf(Locale.ROOT, ROW, "target", "round", "requests", "200", "errors", "jobs/s", "p50 ms", "p90 ms",
                "p99 ms", "max ms", "cpu jvm/host");
        out.printf(Locale.ROOT, ROW, "---", "---:", "---:", "---:", "---", "---:", "---:", "---:", "---:", "---:", "---");
        out.flush();
    }

    void row(PhaseResult r) {
        out.printf(Locale.ROOT, ROW, r.target(), r.round(), r.requests(), r.accepted(), errors(r.errors()),
                String.format(Locale.ROOT, "%.0f", r.acceptedPerSecond()),
                ms(r.percentileMillis(50)), ms(r.percentileMillis(90)), ms(r.percentileMillis(99)), ms(r.maxMillis()),
                r.cpu().describe());
        out.flush();
    }

    /** Ratios per round (kycflow against the raw period just before it) and overall, and the verdict. */
    void summary(List<PhaseResult> results) {
        out.println();
        double rawTotal = 0;
        double kycflowTotal = 0;
        double worstP99 = 0;
        for (PhaseResult r : results) {
            if (r.target().equals("raw")) {
                rawTotal += r.acceptedPerSecond();
            } else {
                kycflowTotal += r.acceptedPerSecond();
                worstP99 = Math.max(worstP99, r.percentileMillis(99));
            }
        }
        for (PhaseResult k : results) {
            if (!k.target().equals("kycflow")) {
                continue;
            }
            Optional<PhaseResult> raw = results.stream()
                    .filter(r -> r.target().equals("raw") && r.round() == k.round()).findFirst();
            raw.ifPresent(r -> out.printf(Locale.ROOT, "round %d: kycflow/raw throughput = %.2f%n", k.round(),
                    r.acceptedPerSecond() == 0 ? 0 : k.acceptedPerSecond() / r.acceptedPerSecond()));
        }
        double ratio = rawTotal == 0 ? 0 : kycflowTotal / rawTotal;
        out.printf(Locale.ROOT, "overall: kycflow/raw throughput = %.2f (target >= %.2f: %s); "
                        + "worst kycflow p99 = %s ms (target <= %.0f ms: %s)%n",
                ratio, TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "NOT met",
                ms(worstP99), TARGET_P99_MILLIS, worstP99 <= TARGET_P99_MILLIS ? "met" : "NOT met");
        out.flush();
    }

    private static String errors(Map<String, Long> errors) {
        if (errors.isEmpty()) {
            return "-";
        }
        return errors.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }
}
