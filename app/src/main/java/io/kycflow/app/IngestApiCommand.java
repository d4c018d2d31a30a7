package io.kycflow.app;

import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.kafka.KafkaClientSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kycflow ingest-api}: the API and the job registry alone, against {@code KAFKA_BOOTSTRAP_SERVERS}. */
@Command(name = "ingest-api", mixinStandardHelpOptions = true,
        description = "Run the HTTP API and the job registry against KAFKA_BOOTSTRAP_SERVERS.")
final class IngestApiCommand implements Runnable {

    @Mixin
    private ServiceOptions options;

    @Override
    public void run() {
        KycflowConfig config = options.config();
        KafkaClientSettings kafka = new KafkaClientSettings(config.requireBootstrapServers());
        AgentCatalog agents = AgentCatalog.load(config.agentsFile());
        try (ServiceRuntime runtime = new ServiceRuntime()) {
            ServiceRuntime.provisionTopics(config, kafka, agents, ServiceRuntime.newTopicPartitions(false));
            runtime.add(ServiceRuntime.ingestApi(config, kafka, agents, ScreeningListsReader.start(runtime, config),
                    System.out));
            runtime.awaitShutdown();
        }
    }
}
