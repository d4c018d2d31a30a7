package io.kycflow.app;

import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.health.HealthContributor;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.ingest.IngestApiService;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.workers.checks.CheckSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code kycflow all-in-one} (also the default): an embedded Kafka broker unless
 * {@code KAFKA_BOOTSTRAP_SERVERS} points at a cluster, the topics, and every service in this process:
 * the API with the job registry, the workers of every check the agents name, the notifier and the monitoring
 * service, whose
 * health is served apart from the API's on {@code KYCFLOW_HEALTH_PORT} (default 8081).
 */
@Command(name = "all-in-one", mixinStandardHelpOptions = true,
        description = "Run the embedded Kafka broker and every service in one process (the default).")
final class AllInOneCommand implements Runnable {

    @Mixin
    private ServiceOptions options;

    AllInOneCommand() {
    }

    AllInOneCommand(ServiceOptions options) {
        this.options = options;
    }

    @Override
    public void run() {
        KycflowConfig config = options.config();
        AgentCatalog agents = AgentCatalog.load(config.agentsFile());
        try (ServiceRuntime runtime = new ServiceRuntime()) {
            boolean embedded = config.bootstrapServers().isEmpty();
            if (embedded) {
                EmbeddedKafkaBroker broker = runtime.add(startBroker(config));
                config = config.withBootstrapServers(broker.bootstrapServers());
                System.out.println("embedded Kafka broker on " + broker.bootstrapServers() + " (data in "
                        + config.dataDir().resolve("kafka") + ")");
            }
            KafkaClientSettings kafka = new KafkaClientSettings(config.requireBootstrapServers());
            ServiceRuntime.provisionTopics(config, kafka, agents, ServiceRuntime.newTopicPartitions(embedded));
            // The suite first: its lists also serve the API's /screen, so one process holds them once.
            CheckSuite suite = ServiceRuntime.checkSuite(runtime, config, agents.checkIds());
            IngestApiService api = runtime.add(ServiceRuntime.ingestApi(config, kafka, agents, suite.listRegistries(),
                    System.out));
            List<HealthContributor> health = new ArrayList<>(ServiceRuntime.checkWorkers(runtime, config, kafka, suite, 8));
            health.add(ServiceRuntime.notifierHealth(runtime.add(ServiceRuntime.notifier(config, kafka, api.meters(), System.out))));
            health.add(ServiceRuntime.monitoringHealth(runtime.add(ServiceRuntime.monitoring(config, kafka,
                    suite.listRegistries(), System.out))));
            // The API's /health/ready speaks for the API and registry; the workers, notifier and monitoring answer on their
            // own port, as they do when run apart, so one probe setup fits both layouts.
            runtime.add(ServiceRuntime.healthServer(config, ServiceRuntime.WORKERS_HEALTH_PORT, health, System.out));
            runtime.awaitShutdown();
        }
    }

    private static EmbeddedKafkaBroker startBroker(KycflowConfig config) {
        try {
            return EmbeddedKafkaBroker.start(config.dataDir().resolve("kafka"), config.kafkaPort());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the embedded Kafka broker on port " + config.kafkaPort()
                    + " (is another kycflow or Kafka running? set KYCFLOW_KAFKA_PORT): " + e.getMessage(), e);
        }
    }
}
