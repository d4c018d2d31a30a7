package io.kycflow.app;

import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.crypto.MasterKeys;
import io.kycflow.common.health.HealthContributor;
import io.kycflow.common.health.HealthServer;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.topic.TopicProvisioner;
import io.kycflow.common.topic.Topics;
import io.kycflow.monitoring.MonitoringService;
import io.kycflow.screening.monitor.ChangeOnlyScreening;
import io.kycflow.ingest.IngestApiService;
import io.kycflow.ingest.auth.ApiKeyPublisher;
import io.kycflow.ingest.auth.ApiKeyRegistry;
import io.kycflow.ingest.auth.ApiKeySeeds;
import io.kycflow.screening.load.ListPurpose;
import io.kycflow.screening.load.ListRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;

import io.kycflow.notifier.NotifierService;
import io.kycflow.notifier.WebhookSecrets;
import io.kycflow.workers.CheckWorkersService;
import io.kycflow.workers.checks.CheckSuite;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * Starts services in order and stops them in reverse, on close or on SIGTERM/Ctrl-C. Shared by the
 * all-in-one mode and the single-service commands, and by tests that run the command in-process.
 */
final class ServiceRuntime implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    <T extends AutoCloseable> T add(T service) {
        started.push(service);
        return service;
    }

    /** Partitions of topics created when {@code KYCFLOW_PARTITIONS} is unset and none exist yet. */
    static int newTopicPartitions(boolean embeddedBroker) {
        return embeddedBroker ? TopicProvisioner.EMBEDDED_PARTITIONS : TopicProvisioner.CLUSTER_PARTITIONS;
    }

    /** @param forNewTopics see {@link #newTopicPartitions(boolean)} */
    static void provisionTopics(KycflowConfig config, KafkaClientSettings kafka, AgentCatalog agents, int forNewTopics) {
        try (Admin admin = Admin.create(kafka.admin("kycflow-provisioner"))) {
            TopicProvisioner.of(admin, config, forNewTopics)
                    .ensure(Topics.all(agents.checkIds(), config.webhookRetrySchedule().size()));
        }
    }

    /** @param screeningLists what the API's {@code /screen} serves: the workers' lists when in one process */
    static IngestApiService ingestApi(KycflowConfig config, KafkaClientSettings kafka, AgentCatalog agents,
                                      Map<ListPurpose, ListRegistry> screeningLists, PrintStream out) {
        ApiKeyRegistry apiKeys = new ApiKeyRegistry();
        ApiKeySeeds.Seeded seeded = ApiKeySeeds.seedDefault(apiKeys, config.apiKey());
        try (ApiKeyPublisher publisher = new ApiKeyPublisher(kafka, Clock.systemUTC())) {
            // Shared, so every instance accepts the default key; a revoked one stays revoked.
            publisher.publishIfAbsent(ApiKeySeeds.DEFAULT_TENANT, seeded.key(), ApiKeySeeds.DEFAULT_SCOPES);
        }
        IngestApiService service = new IngestApiService(config, kafka, agents, apiKeys,
                config.instanceName(config.httpPort()), screeningLists).start();
        String base = "http://localhost:" + service.port();
        out.println("kycflow API listening on " + base + " (" + config.httpHost() + ":" + service.port() + ")");
        if (seeded.generated()) {
            out.println("API key for tenant 'default' (shown once; set KYCFLOW_API_KEY to choose your own):");
            out.println("  " + seeded.key().token());
        } else {
            out.println("API key for tenant 'default': the one in KYCFLOW_API_KEY");
        }
        out.println("Get a token:");
        out.println("  curl -s -X POST " + base + "/api/v1/auth/token -H 'Content-Type: application/json' \\");
        out.println("       -d '{\"api_key\": \"<your API key>\"}'");
        out.flush();
        return service;
    }

    /** Health port of check-workers (and of the all-in-one's workers and notifier) when KYCFLOW_HEALTH_PORT is unset. */
    static final int WORKERS_HEALTH_PORT = 8081;
    /** Health port of the notifier when KYCFLOW_HEALTH_PORT is unset: differs from the workers' so both fit on one host. */
    static final int NOTIFIER_HEALTH_PORT = 8082;

    /**
     * Builds the given checks (and loads their lists: the banner says which, or where the files go); the
     * runtime closes the suite after the workers that use it.
     */
    static CheckSuite checkSuite(ServiceRuntime runtime, KycflowConfig config, List<String> checkIds) {
        CheckSuite suite = runtime.add(CheckSuite.create(checkIds, config, Clock.systemUTC()));
        suite.listsNotice().ifPresent(notice -> {
            System.out.println(notice);
            System.out.flush();
        });
        return suite;
    }

    /**
     * Starts workers for the suite's checks. Returns their health: one component per check, and one for the
     * workers' consumers.
     */
    static List<HealthContributor> checkWorkers(ServiceRuntime runtime, KycflowConfig config, KafkaClientSettings kafka,
                                                CheckSuite suite, int concurrency) {
        CheckWorkersService workers = runtime.add(new CheckWorkersService(kafka,
                MasterKeys.of(config.masterKey(), config.dataDir()), suite.checks(), concurrency,
                config.instanceName(config.httpPort())).start());
        List<HealthContributor> health = new ArrayList<>(suite.healthContributors());
        health.add(HealthContributor.of("check-workers", () -> {
            List<String> stopped = workers.stoppedChecks();
            return stopped.isEmpty() ? Optional.empty()
                    : Optional.of("the task consumer of " + stopped + " has stopped (see the log)");
        }));
        return health;
    }

    /** The notifier's health: its job-events consumer polls. */
    static HealthContributor notifierHealth(NotifierService notifier) {
        return HealthContributor.of("notifier", () -> notifier.isRunning() ? Optional.empty()
                : Optional.of("the job-events consumer has stopped (see the log)"));
    }

    /**
     * Starts the health server of a service without an API on {@code KYCFLOW_HTTP_HOST} and
     * {@code KYCFLOW_HEALTH_PORT} (else {@code defaultPort}), after the service so that it reports real components.
     */
    static HealthServer healthServer(KycflowConfig config, int defaultPort, List<HealthContributor> contributors,
                                     PrintStream out) {
        return healthServer(config, defaultPort, contributors, Optional.empty(), out);
    }

    /** As above, also serving {@code /metrics} from {@code metrics} (a service without an API has no other place). */
    static HealthServer healthServer(KycflowConfig config, int defaultPort, List<HealthContributor> contributors,
                                     Optional<PrometheusMeterRegistry> metrics, PrintStream out) {
        HealthServer server = HealthServer.start(config.httpHost(), config.healthPort(defaultPort), contributors,
                metrics.map(registry -> registry::scrape));
        out.println("health on http://localhost:" + server.port() + HealthServer.READY_PATH + " ("
                + config.httpHost() + ":" + server.port() + "; components "
                + contributors.stream().map(HealthContributor::name).toList() + ")");
        out.flush();
        return server;
    }

    /** Starts the notifier; prints the generated webhook secret of tenant {@code default} once, if none was configured. */
    static NotifierService notifier(KycflowConfig config, KafkaClientSettings kafka, MeterRegistry meters,
                                    PrintStream out) {
        WebhookSecrets secrets = WebhookSecrets.fromConfig(config);
        NotifierService notifier = NotifierService.create(config, kafka, secrets, meters).start();
        secrets.generatedDefaultSecret().ifPresentOrElse(
                secret -> out.println("Webhook signing secret for tenant 'default' (shown once; set KYCFLOW_WEBHOOK_SECRET "
                        + "to choose your own):\n  " + secret),
                () -> out.println("Webhook signing secret(s) for tenant 'default': as configured (KYCFLOW_WEBHOOK_SECRET "
                        + "or KYCFLOW_TENANTS_FILE)"));
        out.flush();
        return notifier;
    }

    /** Health port of {@code kycflow monitoring} when KYCFLOW_HEALTH_PORT is unset: beside the workers' and the notifier's. */
    static final int MONITORING_HEALTH_PORT = 8083;
    /** How often the monitoring service looks at the lists directory (a pass re-reads only changed files). */
    static final Duration MONITORING_INTERVAL = Duration.ofMinutes(10);

    /**
     * Starts the monitoring service: it keeps the snapshots it screened under {@code $KYCFLOW_DATA_DIR/monitoring}
     * and screens the monitored subjects against what changes: the subjects are indexed once
     * ({@link ChangeOnlyScreening}) and queried with the added and modified entries.
     *
     * @param shared the check workers' registries when they run in this process and hold both purposes: screened
     *               as they are, so the lists folder is parsed once per process; otherwise the service reads
     *               {@code KYCFLOW_LISTS_DIR} itself
     */
    static MonitoringService monitoring(KycflowConfig config, KafkaClientSettings kafka,
                                        Map<ListPurpose, ListRegistry> shared, PrintStream out) {
        MasterKeys keys = MasterKeys.of(config.masterKey(), config.dataDir());
        Path state = config.dataDir().resolve("monitoring");
        boolean sharing = shared.keySet().containsAll(java.util.EnumSet.allOf(ListPurpose.class));
        MonitoringService service = (sharing
                ? new MonitoringService(kafka, keys, shared.values(), state, MONITORING_INTERVAL,
                        new ChangeOnlyScreening(), Clock.systemUTC())
                : new MonitoringService(kafka, keys, config.listsDir(), state, MONITORING_INTERVAL,
                        new ChangeOnlyScreening(), Clock.systemUTC())).start();
        out.println("monitoring: " + (sharing ? "the check workers' lists" : "lists from " + config.listsDir())
                + ", screened every " + MONITORING_INTERVAL.toMinutes() + " min when they change");
        out.flush();
        return service;
    }

    /** The monitoring service's health: its thread runs. */
    static HealthContributor monitoringHealth(MonitoringService monitoring) {
        return HealthContributor.of("monitoring", () -> monitoring.isRunning() ? Optional.empty()
                : Optional.of("the monitoring service has stopped (see the log)"));
    }

    /** Blocks until the JVM is asked to stop, then closes everything that was started. */
    void awaitShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close();
            stopped.countDown();
        }, "kycflow-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable service = started.pop();
            try {
                service.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ServiceRuntime.class).warn("error while stopping {}", service, e);
            }
        }
    }
}
