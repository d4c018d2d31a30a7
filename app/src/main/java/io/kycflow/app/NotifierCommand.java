package io.kycflow.app;

import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.notifier.NotifierService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.List;
import java.util.Optional;

/** {@code kycflow notifier}: webhook and Slack delivery of job events, against {@code KAFKA_BOOTSTRAP_SERVERS}. */
@Command(name = "notifier", mixinStandardHelpOptions = true,
        description = "Deliver job webhooks and Slack messages, against KAFKA_BOOTSTRAP_SERVERS.")
final class NotifierCommand implements Runnable {

    @Mixin
    private ServiceOptions options;

    @Override
    public void run() {
        KycflowConfig config = options.config();
        KafkaClientSettings kafka = new KafkaClientSettings(config.requireBootstrapServers());
        try (ServiceRuntime runtime = new ServiceRuntime()) {
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            NotifierService notifier = runtime.add(ServiceRuntime.notifier(config, kafka, meters, System.out));
            runtime.add(ServiceRuntime.healthServer(config, ServiceRuntime.NOTIFIER_HEALTH_PORT,
                    List.of(ServiceRuntime.notifierHealth(notifier)), Optional.of(meters), System.out));
            runtime.awaitShutdown();
        }
    }
}
