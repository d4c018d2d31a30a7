package io.kycflow.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * What one benchmark run does: how many closed-loop clients, for how long, how many raw/kycflow rounds,
 * and the partition count of every topic (the raw topic gets the same count, so both paths spread their
 * writes over as many partitions).
 */
record BenchmarkOptions(int clients, Duration warmup, Duration measure, int rounds, Optional<Integer> partitions,
                        Optional<Short> transactionVersion) {

    static final String USAGE = """
            usage: IngestLoadBenchmark [--clients N] [--warmup SECONDS] [--seconds SECONDS] [--rounds N] [--partitions N]
                                       [--transaction-version 0|1|2]
              --clients     concurrent closed-loop clients, one keep-alive connection each (default 64)
              --warmup      seconds of load before each measured period, not recorded (default 5)
              --seconds     seconds of each measured period (default 20)
              --rounds      raw then kycflow, this many times, to expose drift (default 2)
              --partitions  partitions of every topic (default: KYCFLOW_PARTITIONS, else 12)
              --transaction-version  the broker's transaction.version feature, set before the services
                            start (default: the broker's, 2 on Kafka 4.x); 1 is the protocol before KIP-890
            Other kycflow settings come from the environment as for the kycflow command
            (KYCFLOW_COMMIT_INTERVAL, KYCFLOW_OUTCOME_TIMEOUT, KYCFLOW_ROCKSDB_MEMORY_MB, ...).""";

    BenchmarkOptions {
        if (clients < 1 || rounds < 1 || warmup.isNegative() || measure.isZero() || measure.isNegative()) {
            throw new IllegalArgumentException("clients and rounds must be at least 1, seconds more than 0");
        }
    }

    static BenchmarkOptions parse(String[] args) {
        int clients = 64;
        long warmup = 5;
        long seconds = 20;
        int rounds = 2;
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
                    case "--clients" -> clients = Integer.parseInt(value);
                    case "--warmup" -> warmup = Long.parseLong(value);
                    case "--seconds" -> seconds = Long.parseLong(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--partitions" -> partitions = Optional.of(Integer.parseInt(value));
                    case "--transaction-version" -> transactionVersion = Optional.of(Short.parseShort(value));
                    default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number\n" + USAGE);
            }
        }
        return new BenchmarkOptions(clients, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), rounds, partitions,
                transactionVersion);
    }
}
