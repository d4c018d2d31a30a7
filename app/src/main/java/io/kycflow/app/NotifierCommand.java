package io.kycflow.app;

import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.notifier.NotifierService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

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
            NotifierService notifier = runtime.add(ServiceRuntime.notifier(config, kafka, System.out));
            runtime.add(ServiceRuntime.healthServer(config, ServiceRuntime.NOTIFIER_HEALTH_PORT,
                    List.of(ServiceRuntime.notifierHealth(notifier)), System.out));
            runtime.awaitShutdown();
        }
    }
}
