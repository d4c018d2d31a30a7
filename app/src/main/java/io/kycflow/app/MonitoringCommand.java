package io.kycflow.app;

import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.monitoring.MonitoringService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.Map;

/**
 * {@code kycflow monitoring}: ongoing monitoring of the subscribed subjects against list changes, against
 * {@code KAFKA_BOOTSTRAP_SERVERS}. Run one per cluster (docs/monitoring.md).
 */
@Command(name = "monitoring", mixinStandardHelpOptions = true,
        description = "Re-screen monitored subjects when the lists change and raise alerts, against KAFKA_BOOTSTRAP_SERVERS.")
final class MonitoringCommand implements Runnable {

    @Mixin
    private ServiceOptions options;

    @Override
    public void run() {
        KycflowConfig config = options.config();
        KafkaClientSettings kafka = new KafkaClientSettings(config.requireBootstrapServers());
        try (ServiceRuntime runtime = new ServiceRuntime()) {
            MonitoringService monitoring = runtime.add(ServiceRuntime.monitoring(config, kafka, Map.of(), System.out));
            runtime.add(ServiceRuntime.healthServer(config, ServiceRuntime.MONITORING_HEALTH_PORT,
                    List.of(ServiceRuntime.monitoringHealth(monitoring)), System.out));
            runtime.awaitShutdown();
        }
    }
}
