package io.kycflow.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of every service, read once from the environment (DESIGN.md §6), immutable after.
 * Tests build one from a map; the {@code kycflow} command from {@code System.getenv()} plus its flags.
 */
public record KycflowConfig(
        Optional<String> bootstrapServers,
        String httpHost,
        int httpPort,
        String advertisedHost,
        int kafkaPort,
        Path dataDir,
        Optional<String> apiKey,
        Optional<String> webhookSecret,
        Optional<Path> agentsFile,
        Path listsDir,
        int rateLimit,
        Optional<Path> jwtKeyFile,
        Duration listsMaxAge,
        String logLevel,
        Optional<String> publicBaseUrl,
        List<String> outboundAllowlist,
        Optional<Integer> partitions,
        Optional<Short> replicationFactor,
        Duration outcomeTimeout,
        Duration commitInterval,
        long rocksDbMemoryBytes,
        Duration tokenTtl,
        Optional<String> instanceId,
        boolean listsDownload,
        Optional<Integer> healthPort,
        List<Duration> webhookRetrySchedule,
        Optional<Path> tenantsFile,
        List<String> slackWebhookHosts,
        Optional<String> masterKey,
        int screenRateLimit) {

    /** The default delays between webhook attempts: 7 attempts spanning about 31.5 hours. */
    public static final List<Duration> DEFAULT_WEBHOOK_RETRY_SCHEDULE = List.of(Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24));

    public KycflowConfig {
        webhookRetrySchedule = List.copyOf(webhookRetrySchedule);
    }

    public static KycflowConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static KycflowConfig from(Map<String, String> env) {
        Function<String, Optional<String>> get = name -> Optional.ofNullable(env.get(name))
                .map(String::trim).filter(v -> !v.isEmpty());
        Path dataDir = Path.of(get.apply("KYCFLOW_DATA_DIR").orElse("./data")).toAbsolutePath().normalize();
        return new KycflowConfig(
                get.apply("KAFKA_BOOTSTRAP_SERVERS"),
                get.apply("KYCFLOW_HTTP_HOST").orElse("0.0.0.0"),
                intSetting("KYCFLOW_HTTP_PORT", get.apply("KYCFLOW_HTTP_PORT").orElse("8080"), 0, 65535),
                get.apply("KYCFLOW_ADVERTISED_HOST").orElse("localhost"),
                intSetting("KYCFLOW_KAFKA_PORT", get.apply("KYCFLOW_KAFKA_PORT").orElse("9092"), 0, 65535),
                dataDir,
                get.apply("KYCFLOW_API_KEY"),
                get.apply("KYCFLOW_WEBHOOK_SECRET"),
                get.apply("KYCFLOW_AGENTS_FILE").map(Path::of),
                get.apply("KYCFLOW_LISTS_DIR").map(Path::of).orElse(dataDir.resolve("lists")),
                intSetting("KYCFLOW_RATE_LIMIT", get.apply("KYCFLOW_RATE_LIMIT").orElse("1000"), 1, Integer.MAX_VALUE),
                get.apply("KYCFLOW_JWT_KEY_FILE").map(Path::of),
                get.apply("KYCFLOW_LISTS_MAX_AGE").map(v -> v.equals("0") ? Duration.ZERO
                        : DurationSetting.parse("KYCFLOW_LISTS_MAX_AGE", v)).orElse(Duration.ofDays(7)),
                get.apply("KYCFLOW_LOG_LEVEL").orElse("INFO"),
                get.apply("KYCFLOW_PUBLIC_BASE_URL"),
                get.apply("KYCFLOW_OUTBOUND_ALLOWLIST")
                        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                        .orElse(List.of()),
                get.apply("KYCFLOW_PARTITIONS").map(v -> intSetting("KYCFLOW_PARTITIONS", v, 1, 10_000)),
                get.apply("KYCFLOW_REPLICATION_FACTOR")
                        .map(v -> (short) intSetting("KYCFLOW_REPLICATION_FACTOR", v, 1, Short.MAX_VALUE)),
                get.apply("KYCFLOW_OUTCOME_TIMEOUT").map(v -> DurationSetting.parse("KYCFLOW_OUTCOME_TIMEOUT", v))
                        .orElse(Duration.ofSeconds(10)),
                get.apply("KYCFLOW_COMMIT_INTERVAL").map(v -> DurationSetting.parse("KYCFLOW_COMMIT_INTERVAL", v))
                        .orElse(Duration.ofMillis(20)),
                (long) intSetting("KYCFLOW_ROCKSDB_MEMORY_MB", get.apply("KYCFLOW_ROCKSDB_MEMORY_MB").orElse("256"),
                        8, 1 << 20) << 20,
                get.apply("KYCFLOW_TOKEN_TTL").map(v -> DurationSetting.parse("KYCFLOW_TOKEN_TTL", v))
                        .orElse(Duration.ofHours(1)),
                get.apply("KYCFLOW_INSTANCE_ID"),
                // On by default: a first start should screen against the official lists, not against nothing.
                get.apply("KYCFLOW_LISTS_DOWNLOAD").map(v -> onOff("KYCFLOW_LISTS_DOWNLOAD", v)).orElse(true),
                get.apply("KYCFLOW_HEALTH_PORT").map(v -> intSetting("KYCFLOW_HEALTH_PORT", v, 0, 65535)),
                get.apply("KYCFLOW_WEBHOOK_RETRY_SCHEDULE").map(KycflowConfig::retrySchedule)
                        .orElse(DEFAULT_WEBHOOK_RETRY_SCHEDULE),
                get.apply("KYCFLOW_TENANTS_FILE").map(Path::of),
                get.apply("KYCFLOW_SLACK_WEBHOOK_HOSTS").map(KycflowConfig::list).orElse(List.of("hooks.slack.com")),
                get.apply("KYCFLOW_MASTER_KEY"),
                intSetting("KYCFLOW_SCREEN_RATE_LIMIT", get.apply("KYCFLOW_SCREEN_RATE_LIMIT").orElse("500"), 1,
                        Integer.MAX_VALUE));
    }

    /** {@code 30s,2m,10m,1h,6h,24h}: one delay per retry, each at least as long as the one before (tiers stay ordered). */
    private static List<Duration> retrySchedule(String text) {
        List<Duration> delays = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(v -> DurationSetting.parse("KYCFLOW_WEBHOOK_RETRY_SCHEDULE", v)).toList();
        if (delays.isEmpty() || delays.size() > 20) {
            throw new IllegalArgumentException("KYCFLOW_WEBHOOK_RETRY_SCHEDULE: give 1 to 20 delays, e.g. 30s,2m,10m,1h,6h,24h");
        }
        for (int i = 0; i < delays.size(); i++) {
            if (delays.get(i).isZero() || (i > 0 && delays.get(i).compareTo(delays.get(i - 1)) < 0)) {
                throw new IllegalArgumentException("KYCFLOW_WEBHOOK_RETRY_SCHEDULE: delays must be positive and "
                        + "never shorter than the one before ('" + text + "')");
            }
        }
        return delays;
    }

    /**
     * This instance's stable name: its state directory and its static group membership. Two live
     * instances must never share one; {@code KYCFLOW_INSTANCE_ID}, else host name and HTTP port.
     */
    public String instanceName(int actualHttpPort) {
        return instanceId.orElseGet(() -> {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "localhost";
            }
            return host.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + "-" + actualHttpPort;
        });
    }

    /** The state directory of one service instance's Kafka Streams. */
    public Path stateDir(String instanceName) {
        return dataDir.resolve("state").resolve(instanceName);
    }

    /**
     * The port of the health server of a service without an API ({@code KYCFLOW_HEALTH_PORT}; {@code 0}: an
     * ephemeral port). Unset, each service has its own default, so check-workers and notifier can share a host.
     */
    public int healthPort(int serviceDefault) {
        return healthPort.orElse(serviceDefault);
    }

    public KycflowConfig withBootstrapServers(String servers) {
        return new KycflowConfig(Optional.of(servers), httpHost, httpPort, advertisedHost, kafkaPort, dataDir, apiKey,
                webhookSecret, agentsFile, listsDir, rateLimit, jwtKeyFile, listsMaxAge, logLevel, publicBaseUrl,
                outboundAllowlist, partitions, replicationFactor, outcomeTimeout, commitInterval,
                rocksDbMemoryBytes, tokenTtl, instanceId, listsDownload, healthPort, webhookRetrySchedule, tenantsFile,
                slackWebhookHosts, masterKey, screenRateLimit);
    }

    /** Secrets are shown as set or unset only, so a logged configuration carries no key material. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("KycflowConfig[");
        java.lang.reflect.RecordComponent[] components = KycflowConfig.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            Object value;
            try {
                value = components[i].getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                value = "?";
            }
            if (SECRETS.contains(name)) {
                value = value instanceof Optional<?> o && o.isPresent() ? "(set)" : "(unset)";
            }
            text.append(i == 0 ? "" : ", ").append(name).append('=').append(value);
        }
        return text.append(']').toString();
    }

    private static final java.util.Set<String> SECRETS = java.util.Set.of("apiKey", "webhookSecret", "masterKey");

    public String requireBootstrapServers() {
        return bootstrapServers.orElseThrow(() -> new IllegalStateException(
                "KAFKA_BOOTSTRAP_SERVERS is not set: point it at your Kafka cluster, or run `kycflow` "
                        + "(all-in-one) to start the embedded broker"));
    }

    /** A comma-separated setting, blanks dropped. */
    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int intSetting(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(name + ": " + value + " is outside " + min + ".." + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number");
        }
    }

    /** on/off (also true/false); anything else is a mistake worth stopping for, not a silent default. */
    private static boolean onOff(String name, String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException(name + ": '" + value + "' is neither on nor off");
        };
    }
}
