package io.kycflow.bench.e2e;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The end-to-end benchmark of issue 10: jobs offered to the all-in-one at a fixed rate (open loop: each
 * request is sent on its schedule whatever the answers to the earlier ones), the {@code public-kyc} agent
 * with its real checks on the real sanctions lists, and a webhook receiver on loopback. It prints how many
 * terminal webhooks arrived and the latency from each job's scheduled submission to its terminal webhook
 * (HdrHistogram), then the target: all arrive, p50 ≤ 150 ms, p99 ≤ 1 s. See docs/performance.md.
 *
 * <p>Exits 0 after printing the figures whatever they are; 1 when it cannot set up (no lists, kycflow not
 * ready, the smoke job not complete); 2 on bad arguments.
 */
public final class EndToEndBenchmark {

    static final double TARGET_P50_MILLIS = 150;
    static final double TARGET_P99_MILLIS = 1000;
    private static final String API_KEY = "kf_bench_EndToEndSecret0123456789";
    private static final String WEBHOOK_SECRET = "whsec_bench_0123456789abcdef";
    private static final String SANCTIONS_CHECK = "kyc.sanctions_screening_check_v2";
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) {
        EndToEndOptions options;
        try {
            options = EndToEndOptions.parse(args);
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
            System.err.println("end-to-end benchmark failed: " + e.getMessage());
            e.printStackTrace(System.err);
            status = 1;
        }
        System.exit(status);
    }

    static void run(EndToEndOptions options, PrintStream out) {
        Path sanctions = requireLists(options.listsDir(), "sanctions", "../shared/data/sanctions");
        Path pep = requireLists(options.pepListsDir(), "PEP", "../shared/data/pep");
        Path dataDir;
        Path lists;
        try {
            dataDir = Files.createTempDirectory("kycflow-e2e-bench-");
            lists = linkedListsFolder(dataDir.resolve("lists"), List.of(sanctions, pep));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary data directory", e);
        }
        try (WebhookReceiver receiver = new WebhookReceiver().start()) {
            Map<String, String> env = new HashMap<>();
            env.put("KYCFLOW_DATA_DIR", dataDir.resolve("kycflow").toString());
            env.put("KYCFLOW_API_KEY", API_KEY);
            env.put("KYCFLOW_WEBHOOK_SECRET", WEBHOOK_SECRET);
            env.put("KYCFLOW_LISTS_DIR", lists.toString());
            env.put("KYCFLOW_LISTS_DOWNLOAD", "off"); // never write into the given folder, nor race the run
            // The shared list snapshots are older than the 7-day default: with it the sanctions check would
            // answer error for every job. The benchmark measures the pipeline, not the lists' freshness.
            env.put("KYCFLOW_LISTS_MAX_AGE", "0");
            env.put("KYCFLOW_OUTBOUND_ALLOWLIST", "127.0.0.1");
            Path log = dataDir.resolve("kycflow.log");
            try (AllInOneProcess kycflow = AllInOneProcess.start(env, log)) {
                kycflow.awaitReady();
                String runId = UUID.randomUUID().toString().substring(0, 8);
                E2eRequests requests = new E2eRequests(runId, "http://127.0.0.1:" + receiver.port() + WebhookReceiver.PATH);
                OpenLoopSender sender = new OpenLoopSender(kycflow.apiPort(), API_KEY);
                describe(options, List.of(sanctions, pep), kycflow, out);
                smokeJob(sender, requests, receiver, out);
                List<String> notes = new ArrayList<>();
                header(out);
                if (!options.warmup().isZero()) {
                    // A running service is warm: the first minute of a fresh JVM (JIT, caches, the first
                    // transactions) are reported apart, and drained, before the measured period starts.
                    OpenLoopSender.Result warm = sender.ramp(requests, "warmup", Math.max(1, options.rate() / 10),
                            options.rate(), options.warmup());
                    awaitWebhooks(warm, receiver, options.drain());
                    report("warm-up", warm, receiver, out, notes, false);
                }
                OpenLoopSender.Result sent = sender.run(requests, "load", options.rate(), options.duration());
                awaitWebhooks(sent, receiver, options.drain());
                report("measured", sent, receiver, out, notes, true);
            } catch (RuntimeException e) {
                throw new IllegalStateException(e.getMessage() + " (kycflow's log: " + log + ", kept)", e);
            }
            deleteRecursively(dataDir);
        }
    }

    /** The lists must be there, or every sanctions check answers error and the figures mean nothing. */
    private static Path requireLists(Path dir, String kind, String example) {
        Path absolute = dir.toAbsolutePath().normalize();
        boolean hasFiles;
        try (Stream<Path> files = Files.isDirectory(absolute) ? Files.walk(absolute, 3) : Stream.empty()) {
            hasFiles = files.anyMatch(p -> Files.isRegularFile(p) && !p.getFileName().toString().endsWith(".md"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + kind + " lists folder " + absolute, e);
        }
        if (!hasFiles) {
            throw new IllegalStateException("no " + kind + " lists in " + absolute + ": the public-kyc agent's " + kind
                    + " check would answer error for every job (and the workers never report ready). Point the option at "
                    + "a folder of list snapshots, e.g. " + example + " (README, \"Sanctions lists\")");
        }
        return absolute;
    }

    /**
     * The all-in-one reads one lists folder; the shared snapshots are in two (sanctions, PEP). A folder of
     * symbolic links to each list's own folder joins them without copying (the loader follows links).
     */
    private static Path linkedListsFolder(Path folder, List<Path> sources) throws IOException {
        Files.createDirectories(folder);
        for (Path source : sources) {
            try (Stream<Path> lists = Files.list(source)) {
                for (Path list : lists.filter(Files::isDirectory).toList()) {
                    Files.createSymbolicLink(folder.resolve(list.getFileName()), list);
                }
            }
        }
        return folder;
    }

    private static void describe(EndToEndOptions options, List<Path> lists, AllInOneProcess kycflow, PrintStream out) {
        out.printf(Locale.ROOT, "kycflow end-to-end benchmark: open loop, %d jobs/s for %d s (%d jobs) after a %d s warm-up "
                        + "rising to that rate, agent public-kyc, then up to %d s for the last webhooks%n", options.rate(),
                options.duration().toSeconds(), options.rate() * options.duration().toSeconds(),
                options.warmup().toSeconds(), options.drain().toSeconds());
        out.printf(Locale.ROOT, "kycflow all-in-one in a child JVM (pid %d, defaults), lists %s, KYCFLOW_LISTS_MAX_AGE=0; "
                        + "%d cores, %s %s%n", kycflow.pid(), lists, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"));
        out.println("latency = scheduled submission -> first terminal webhook at the loopback receiver");
        out.println();
        out.flush();
    }

    /**
     * One job through the whole pipeline before the load: it must come back complete with the sanctions check
     * answered (not error), or the lists did not load and there is nothing meaningful to measure.
     */
    private static void smokeJob(OpenLoopSender sender, E2eRequests requests, WebhookReceiver receiver, PrintStream out) {
        String jobId = requests.jobId("smoke", 0);
        int status = sender.postOnce(requests.body(jobId, 0));
        if (status != 200) {
            throw new IllegalStateException("the smoke job was answered " + status);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        WebhookReceiver.Arrival arrival;
        while ((arrival = receiver.arrival(jobId)) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the smoke job's webhook did not arrive within 60 s");
            }
            sleep(50);
        }
        String sanctions = arrival.checkStatuses().getOrDefault(SANCTIONS_CHECK, "absent");
        if (!sanctions.equals("complete")) {
            throw new IllegalStateException("the smoke job's sanctions check is " + sanctions + " (job " + arrival.status()
                    + "): are the lists loadable? checks: " + arrival.checkStatuses());
        }
        out.println("smoke job: " + arrival.status() + ", " + arrival.recommendation() + ", checks " + arrival.checkStatuses());
    }

    private static void awaitWebhooks(OpenLoopSender.Result sent, WebhookReceiver receiver, Duration drain) {
        long deadline = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < deadline) {
            if (sent.accepted().stream().allMatch(s -> receiver.arrival(s.jobId()) != null)) {
                return;
            }
            sleep(100);
        }
    }

    private static void header(PrintStream out) {
        out.println();
        out.println("| period | offered | 200 | other answers | webhooks arrived | missing | e2e p50 ms | e2e p90 ms "
                + "| e2e p99 ms | e2e max ms | submit p50 ms | submit p99 ms | send lag max ms |");
        out.println("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        out.flush();
    }

    private static void report(String period, OpenLoopSender.Result sent, WebhookReceiver receiver, PrintStream out,
                               List<String> notes, boolean verdict) {
        Histogram endToEnd = new Histogram(HIGHEST_MICROS, 3);
        SortedMap<String, Long> outcomes = new TreeMap<>();
        SortedMap<String, Long> sanctions = new TreeMap<>();
        long arrived = 0;
        for (OpenLoopSender.Submission s : sent.accepted()) {
            WebhookReceiver.Arrival arrival = receiver.arrival(s.jobId());
            if (arrival == null) {
                continue;
            }
            arrived++;
            endToEnd.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (arrival.nanos() - s.scheduledNanos()) / 1000)));
            outcomes.merge(arrival.status() + "/" + arrival.recommendation(), 1L, Long::sum);
            sanctions.merge(arrival.checkStatuses().getOrDefault(SANCTIONS_CHECK, "absent"), 1L, Long::sum);
        }
        long offered = sent.offered();
        long accepted = sent.accepted().size();
        Histogram submit = sent.submitLatencyMicros();
        out.printf(Locale.ROOT, "| %s | %d | %d | %s | %d | %d | %s | %s | %s | %s | %s | %s | %s |%n", period, offered,
                accepted, sent.otherAnswers().isEmpty() ? "-" : sent.otherAnswers().toString(), arrived, accepted - arrived,
                ms(endToEnd, 50), ms(endToEnd, 90), ms(endToEnd, 99),
                String.format(Locale.ROOT, "%.1f", endToEnd.getMaxValue() / 1000.0), ms(submit, 50), ms(submit, 99),
                String.format(Locale.ROOT, "%.1f", sent.maxSendLagMicros() / 1000.0));
        notes.add(period + ": terminal status/recommendation " + outcomes + "; sanctions check " + sanctions
                + "; repeated webhooks so far " + receiver.repeats());
        if (!verdict) {
            out.flush();
            return;
        }
        out.println();
        notes.forEach(out::println);
        double p50 = endToEnd.getValueAtPercentile(50) / 1000.0;
        double p99 = endToEnd.getValueAtPercentile(99) / 1000.0;
        boolean all = accepted == offered && arrived == accepted;
        out.printf(Locale.ROOT, "target: all %d arrive: %s; p50 <= %.0f ms: %s; p99 <= %.0f ms: %s%n", offered,
                all ? "met" : "NOT met", TARGET_P50_MILLIS, arrived > 0 && p50 <= TARGET_P50_MILLIS ? "met" : "NOT met",
                TARGET_P99_MILLIS, arrived > 0 && p99 <= TARGET_P99_MILLIS ? "met" : "NOT met");
        out.flush();
    }

    private static String ms(Histogram histogram, double percentile) {
        if (histogram.getTotalCount() == 0) {
            return "-";
        }
        double millis = histogram.getValueAtPercentile(percentile) / 1000.0;
        return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans up eventually
        }
    }

    /** The request bodies: every job_id new, names varied so the screening does not see one name only. */
    static final class E2eRequests {
        private static final List<String> FIRST = List.of("Amelia", "Oliver", "Sofia", "Mateo", "Hannah", "Yusuf",
                "Chloe", "Lukas", "Aisha", "Daniel", "Mei", "Tomas");
        private static final List<String> LAST = List.of("Hartley", "Nguyen", "Schmidt", "Okafor", "Rossi", "Kowalski",
                "Fernandez", "Larsen", "Haddad", "Moreau", "Tanaka");
        private static final String TEMPLATE = """
                {"agent_key":"public-kyc","job_id":"%s","webhook_url":"%s","kyc_schema":{"id":"case-%d",\
                "self_attested_data":{"first_name":"%s","last_name":"%s","date_of_birth":"%d-0%d-1%d",\
                "country_of_nationality":"GB"}}}""";

        private final String runId;
        private final String webhookUrl;

        E2eRequests(String runId, String webhookUrl) {
            this.runId = runId;
            this.webhookUrl = webhookUrl;
        }

        String jobId(String phase, long sequence) {
            return "e2e-" + runId + "-" + phase + "-" + sequence;
        }

        byte[] body(String jobId, long sequence) {
            int i = (int) (sequence % (FIRST.size() * LAST.size()));
            return TEMPLATE.formatted(jobId, webhookUrl, sequence, FIRST.get(i % FIRST.size()), LAST.get(i / FIRST.size()),
                    1950 + (int) (sequence % 50), 1 + (int) (sequence % 9), (int) (sequence % 10))
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
