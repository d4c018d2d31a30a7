package io.kycflow.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Prints the results as a Markdown table (pasteable into docs/performance.md), one row per measured period
 * in the order they ran, then per client count kycflow's throughput as a share of the raw path's and of the
 * PostgreSQL peer's (and, when measured, the dedup pattern alone: the ceiling of kycflow's design, and
 * kycflow as a share of it), and the revised target of issue 10 at the largest client count: kycflow accepts at
 * least as many jobs/s as the peer and at least a quarter of the raw rate, with p99 ≤ 100 ms and no non-2xx.
 */
final class BenchmarkReport {

    static final double TARGET_RAW_RATIO = 0.25;
    static final double TARGET_PEER_RATIO = 1.0;
    static final double TARGET_P99_MILLIS = 100;

    private static final String ROW = "| %-8s | %7s | %5s | %8s | %8s | %-14s | %8s | %7s | %7s | %7s | %8s | %-12s |%n";

    private final PrintStream out;

    BenchmarkReport(PrintStream out) {
        this.out = out;
    }

    void header() {
        out.printf(Locale.ROOT, ROW, "target", "clients", "round", "requests", "200", "errors", "jobs/s", "p50 ms",
                "p90 ms", "p99 ms", "max ms", "cpu jvm/host");
        out.printf(Locale.ROOT, ROW, "---", "---:", "---:", "---:", "---:", "---", "---:", "---:", "---:", "---:",
                "---:", "---");
        out.flush();
    }

    void row(PhaseResult r) {
        out.printf(Locale.ROOT, ROW, r.target(), r.clients(), r.round(), r.requests(), r.accepted(), errors(r.errors()),
                String.format(Locale.ROOT, "%.0f", r.acceptedPerSecond()),
                ms(r.percentileMillis(50)), ms(r.percentileMillis(90)), ms(r.percentileMillis(99)), ms(r.maxMillis()),
                r.cpu().describe());
        out.flush();
    }

    /**
     * Per client count: each target's mean rate over the rounds, kycflow's ratios, its worst p99 and its
     * non-2xx; then the verdict at the largest count (the target's 256 by default).
     */
    void summary(List<PhaseResult> results, List<Integer> clientCounts) {
        out.println();
        for (int clients : clientCounts) {
            List<PhaseResult> atCount = results.stream().filter(r -> r.clients() == clients).toList();
            OptionalDouble raw = meanRate(atCount, "raw");
            OptionalDouble peer = meanRate(atCount, "postgres");
            OptionalDouble floor = meanRate(atCount, "dedup");
            OptionalDouble kycflow = meanRate(atCount, "kycflow");
            double worstP99 = worstP99(atCount, "kycflow");
            long non2xx = atCount.stream().filter(r -> r.target().equals("kycflow"))
                    .mapToLong(r -> r.requests() - r.accepted()).sum();
            out.printf(Locale.ROOT, "%d clients: mean jobs/s raw %s, postgres %s, kycflow %s; kycflow/raw %s, "
                            + "kycflow/postgres %s; worst kycflow p99 %s ms; kycflow non-2xx %d%n",
                    clients, rate(raw), rate(peer), rate(kycflow), ratio(kycflow, raw), ratio(kycflow, peer),
                    ms(worstP99), non2xx);
            if (floor.isPresent()) {
                out.printf(Locale.ROOT, "%d clients: the dedup pattern alone %s jobs/s (worst p99 %s ms); dedup/raw %s, "
                                + "dedup/postgres %s; kycflow/dedup %s%n",
                        clients, rate(floor), ms(worstP99(atCount, "dedup")), ratio(floor, raw), ratio(floor, peer), ratio(kycflow, floor));
            }
            if (clients == clientCounts.stream().mapToInt(Integer::intValue).max().orElseThrow()) {
                verdict(clients, raw, peer, kycflow, worstP99, non2xx);
            }
        }
        out.flush();
    }

    private void verdict(int clients, OptionalDouble raw, OptionalDouble peer, OptionalDouble kycflow, double worstP99,
                         long non2xx) {
        if (kycflow.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "target at %d clients: kycflow >= %.2f x postgres: %s; kycflow >= %.2f x raw: %s; "
                        + "p99 <= %.0f ms: %s; no non-2xx: %s%n",
                clients, TARGET_PEER_RATIO, met(kycflow, peer, TARGET_PEER_RATIO), TARGET_RAW_RATIO,
                met(kycflow, raw, TARGET_RAW_RATIO), TARGET_P99_MILLIS, worstP99 <= TARGET_P99_MILLIS ? "met" : "NOT met",
                non2xx == 0 ? "met" : "NOT met");
    }

    private static String met(OptionalDouble kycflow, OptionalDouble other, double ratio) {
        if (other.isEmpty()) {
            return "not measured";
        }
        return kycflow.getAsDouble() >= ratio * other.getAsDouble() ? "met" : "NOT met";
    }

    private static OptionalDouble meanRate(List<PhaseResult> results, String target) {
        return results.stream().filter(r -> r.target().equals(target)).mapToDouble(PhaseResult::acceptedPerSecond)
                .average();
    }

    private static double worstP99(List<PhaseResult> results, String target) {
        return results.stream().filter(r -> r.target().equals(target)).mapToDouble(r -> r.percentileMillis(99)).max()
                .orElse(Double.NaN);
    }

    private static String rate(OptionalDouble rate) {
        return rate.isPresent() ? String.format(Locale.ROOT, "%.0f", rate.getAsDouble()) : "-";
    }

    private static String ratio(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() && b.isPresent() && b.getAsDouble() > 0
                ? String.format(Locale.ROOT, "%.2f", a.getAsDouble() / b.getAsDouble()) : "-";
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
