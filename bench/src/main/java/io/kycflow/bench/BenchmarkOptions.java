package io.kycflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one benchmark run does: which targets, at which closed-loop client counts, for how long, how many
 * rounds, the partition count of every topic (the raw topic gets the same count, so both paths spread their
 * writes over as many partitions) and the PostgreSQL peer's connection pool.
 */
record BenchmarkOptions(List<Integer> clients, List<String> targets, Duration warmup, Duration measure, int rounds,
                        Optional<Integer> partitions, Optional<Short> transactionVersion, int postgresPool,
                        int dedupFanout, int dedupFanoutBytes) {

    static final List<String> ALL_TARGETS = List.of("raw", "postgres", "dedup", "kycflow");

    static final String USAGE = """
            usage: IngestLoadBenchmark [--clients N[,N...]] [--targets raw,postgres,dedup,kycflow]
                                       [--warmup SECONDS]
                                       [--seconds SECONDS] [--rounds N] [--partitions N] [--postgres-pool N]
                                       [--transaction-version 0|1|2] [--dedup-fanout N]
                                       [--dedup-fanout-bytes N]
              --clients     concurrent closed-loop clients, one keep-alive connection each; a comma-separated
                            list runs every target at each count in turn (default 64,256)
              --targets     which paths to load, in this order within a round (default raw,postgres,dedup,kycflow);
                            dedup is the request/response dedup pattern alone, kycflow's ceiling
              --warmup      seconds of load before each measured period, not recorded (default 5)
              --seconds     seconds of each measured period (default 20)
              --rounds      every target, this many times per client count, to expose drift (default 2)
              --partitions  partitions of every topic (default: KYCFLOW_PARTITIONS, else 3 as on
                            the all-in-one's embedded broker)
              --postgres-pool  connections of the PostgreSQL peer's pool (default 16)
              --transaction-version  the broker's transaction.version feature, set before the services
                            start (default: the broker's, 2 on Kafka 4.x); 1 is the protocol before KIP-890
              --dedup-fanout  records the dedup target writes per accepted job besides its store's and
                            its outcome, in the same transaction, over nine topics (default 0; 13 makes
                            kycflow's 16 records per accepted job)
              --dedup-fanout-bytes  the least size of each of those records, padded with spaces (default 0:
                            each is as long as the request); 1600 with --dedup-fanout 9 gives the pattern the
                            bytes of the records DESIGN.md has a registry write per job (docs/performance.md)
            Other kycflow settings come from the environment as for the kycflow command
            (KYCFLOW_COMMIT_INTERVAL, KYCFLOW_OUTCOME_TIMEOUT, KYCFLOW_ROCKSDB_MEMORY_MB, ...).""";

    BenchmarkOptions {
        clients = List.copyOf(clients);
        targets = List.copyOf(targets);
        if (clients.isEmpty() || clients.stream().anyMatch(c -> c < 1) || rounds < 1 || warmup.isNegative()
                || measure.isZero() || measure.isNegative() || postgresPool < 1 || dedupFanout < 0
                || dedupFanoutBytes < 0) {
            throw new IllegalArgumentException("clients, rounds and the pool must be at least 1, seconds more than 0, the fan-out and its bytes not negative\n" + USAGE);
        }
        if (targets.isEmpty() || !ALL_TARGETS.containsAll(targets)) {
            throw new IllegalArgumentException("--targets: a comma-separated subset of " + ALL_TARGETS + "\n" + USAGE);
        }
    }

    boolean includes(String target) {
        return targets.contains(target);
    }

    static BenchmarkOptions parse(String[] args) {
        List<Integer> clients = List.of(64, 256);
        List<String> targets = ALL_TARGETS;
        long warmup = 5;
        long seconds = 20;
        int rounds = 2;
        int postgresPool = 16;
        int dedupFanout = 0;
        int dedupFanoutBytes = 0;
        Optional<Integer> partitions = Optional.empty();
        Optional<Short> transactionVersion = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            try {
                switch (name) {
                    case "--clients" -> clients = integers(value);
                    case "--targets" -> targets = List.of(value.split(","));
                    case "--warmup" -> warmup = Long.parseLong(value);
                    case "--seconds" -> seconds = Long.parseLong(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--partitions" -> partitions = Optional.of(Integer.parseInt(value));
                    case "--postgres-pool" -> postgresPool = Integer.parseInt(value);
                    case "--transaction-version" -> transactionVersion = Optional.of(Short.parseShort(value));
                    case "--dedup-fanout" -> dedupFanout = Integer.parseInt(value);
                    case "--dedup-fanout-bytes" -> dedupFanoutBytes = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number\n" + USAGE);
            }
        }
        return new BenchmarkOptions(clients, targets, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), rounds,
                partitions, transactionVersion, postgresPool, dedupFanout, dedupFanoutBytes);
    }

    private static List<Integer> integers(String commaSeparated) {
        List<Integer> values = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            values.add(Integer.parseInt(part.trim()));
        }
        return values;
    }
}
