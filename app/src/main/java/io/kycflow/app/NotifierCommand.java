package io.kycflow.app;

import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.kafka.KafkaClientSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
            runtime.add(ServiceRuntime.notifier(config, kafka, System.out));
            runtime.awaitShutdown();
        }
    }
}
