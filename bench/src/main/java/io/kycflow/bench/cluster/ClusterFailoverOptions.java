package io.kycflow.bench.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The failover benchmark's settings, from {@code --name=value} arguments.
 *
 * @param scenarios          which broker to kill, in order: {@code follower} (a node that is not the active
 *                           controller) and/or {@code controller} (the active controller)
 * @param rate               submissions offered per second
 * @param warmup             load before {@code before}, to warm the JIT of every JVM; left out of the latency figures
 * @param before             load before the kill, after the warm-up
 * @param after              load after the kill
 * @param resubmissionShare  share of submissions that repeat a job_id already answered 200
 * @param workers            concurrent clients (they wait out 503s, so they bound the load in an outage)
 * @param partitions         KYCFLOW_PARTITIONS
 * @param logDir             where the brokers' and kycflow's logs are written (kept after the run)
 * @param brokerSettings     settings given to every broker on top of the node's own ({@code --kafka.<setting>=value})
 */
record ClusterFailoverOptions(List<Scenario> scenarios, double rate, Duration warmup, Duration before, Duration after,
                              double resubmissionShare, int workers, int partitions, Path logDir,
                              java.util.Map<String, String> brokerSettings) {

    enum Scenario { FOLLOWER, CONTROLLER }

    ClusterFailoverOptions {
        scenarios = List.copyOf(scenarios);
        brokerSettings = java.util.Map.copyOf(brokerSettings);
    }

    static ClusterFailoverOptions parse(String[] args) {
        List<Scenario> scenarios = List.of(Scenario.FOLLOWER, Scenario.CONTROLLER);
        double rate = 100;
        Duration warmup = Duration.ofSeconds(30);
        Duration before = Duration.ofSeconds(30);
        Duration after = Duration.ofSeconds(60);
        double resubmissionShare = 0.05;
        int workers = 64;
        int partitions = 6;
        Path logDir = Path.of("target", "cluster-failover");
        java.util.Map<String, String> brokerSettings = new java.util.TreeMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            if (name.startsWith("kafka.")) {
                // --kafka.broker.session.timeout.ms=3000 sets broker.session.timeout.ms on every node
                brokerSettings.put(name.substring("kafka.".length()), value);
                continue;
            }
            try {
                switch (name) {
                    case "scenario" -> scenarios = value.equals("both") ? List.of(Scenario.FOLLOWER, Scenario.CONTROLLER)
                            : List.of(Scenario.valueOf(value.toUpperCase(Locale.ROOT)));
                    case "rate" -> rate = positive(name, Double.parseDouble(value));
                    case "warmup" -> warmup = Duration.ofSeconds((long) positive(name, Long.parseLong(value)));
                    case "before" -> before = Duration.ofSeconds((long) positive(name, Long.parseLong(value)));
                    case "after" -> after = Duration.ofSeconds((long) positive(name, Long.parseLong(value)));
                    case "resubmissions" -> resubmissionShare = Double.parseDouble(value);
                    case "workers" -> workers = (int) positive(name, Integer.parseInt(value));
                    case "partitions" -> partitions = (int) positive(name, Integer.parseInt(value));
                    case "logs" -> logDir = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option --" + name
                            + " (known: scenario, rate, warmup, before, after, resubmissions, workers, partitions, logs, kafka.<broker setting>)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + ": '" + value + "' is not a number");
            }
        }
        if (resubmissionShare < 0 || resubmissionShare >= 1) {
            throw new IllegalArgumentException("--resubmissions: a share in [0, 1)");
        }
        return new ClusterFailoverOptions(scenarios, rate, warmup, before, after, resubmissionShare, workers, partitions,
                logDir.toAbsolutePath(), brokerSettings);
    }

    private static double positive(String name, double value) {
        if (value <= 0) {
            throw new IllegalArgumentException("--" + name + " must be positive");
        }
        return value;
    }
}
