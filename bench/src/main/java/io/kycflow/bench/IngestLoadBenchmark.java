package io.kycflow.bench;

import io.kycflow.common.config.KycflowConfig;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The ingest load benchmark: accepted jobs/s and latency of {@code startKYCAgentJob} at 64 and 256
 * closed-loop clients against the all-in-one, beside the raw path (HTTP in, one {@code acks=all} write,
 * HTTP out) on the same broker and the PostgreSQL peer (HTTP in, one idempotent row insert), all in the
 * same run. Rounds alternate the targets, so drift (a warming JIT, growing stores, a busy machine) shows
 * as a difference between rounds rather than hiding in one figure. See docs/performance.md.
 *
 * <p>Exits 0 after printing the table whatever the figures are; 1 when it cannot set up or run; 2 on
 * bad arguments.
 */
public final class IngestLoadBenchmark {

    private IngestLoadBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int status;
        try {
            run(options, System.out);
            status = 0;
        } catch (RuntimeException e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace(System.err);
            status = 1;
        }
        // Kafka and Jetty may leave non-daemon threads behind after close: the benchmark must end by itself.
        System.exit(status);
    }

    static void run(BenchmarkOptions options, PrintStream out) {
        JobRequestBodies bodies = new JobRequestBodies(UUID.randomUUID().toString().substring(0, 8));
        try (BenchmarkEnvironment environment = BenchmarkEnvironment.start(options, bodies)) {
            describe(options, environment, out);
            LoadGenerator generator = new LoadGenerator(bodies);
            BenchmarkReport report = new BenchmarkReport(out);
            report.header();
            RegistryProbe registry = new RegistryProbe();
            List<PhaseResult> results = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (int clients : options.clients()) {
                for (int round = 1; round <= options.rounds(); round++) {
                    for (LoadTarget target : environment.targets(options.targets())) {
                        RegistryProbe.Snapshot before = registry.snapshot();
                        PhaseResult result = generator.run(target, clients, round, options.warmup(), options.measure());
                        results.add(result);
                        report.row(result);
                        if (target.name().equals("kycflow")) {
                            notes.add(clients + " clients, round " + round + " " + registry.describe(before, registry.snapshot()));
                        }
                    }
                }
            }
            report.summary(results, options.clients());
            notes.forEach(out::println);
        }
    }

    private static void describe(BenchmarkOptions options, BenchmarkEnvironment environment, PrintStream out) {
        KycflowConfig config = environment.config();
        out.printf(Locale.ROOT, "kycflow ingest benchmark: %s closed-loop clients, %d s warm-up + %d s measured per period, "
                        + "%d round(s) of %s at each client count%n",
                options.clients(), options.warmup().toSeconds(), options.measure().toSeconds(), options.rounds(),
                String.join(" then ", options.targets()));
        out.printf(Locale.ROOT, "partitions %d, commit interval %d ms, outcome timeout %d s, transaction.version %d; "
                        + "%d cores, %s %s, max heap %d MiB%n",
                environment.partitions(), config.commitInterval().toMillis(), config.outcomeTimeout().toSeconds(),
                environment.transactionVersion(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().maxMemory() >> 20);
        out.println("raw = HTTP in, one acks=all write to " + RawPathServer.TOPIC + ", HTTP out; postgres = HTTP in, "
                + "INSERT ... ON CONFLICT DO NOTHING, 200/409; dedup = HTTP in, command to " + DedupFloorServer.COMMANDS
                + ", an exactly_once_v2 stream's store lookup and outcome (+ " + options.dedupFanout()
                + " more records per accepted job" + (options.dedupFanoutBytes() > 0 && options.dedupFanout() > 0
                        ? " of at least " + options.dedupFanoutBytes() + " bytes" : "") + "), read_committed wait, 200/409; kycflow = POST /api/v1/startKYCAgentJob (API key auth, "
                + "validation, data key, registry transaction, outcome wait)");
        if (!environment.postgresDescription().isEmpty()) {
            out.println("postgres: " + environment.postgresDescription());
        }
        out.println();
        out.flush();
    }
}
