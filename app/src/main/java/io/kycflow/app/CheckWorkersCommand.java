package io.kycflow.app;

import io.kycflow.common.agent.CheckCatalog;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.kafka.KafkaClientSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code kycflow check-workers [--checks …]}: workers for some or all checks, against {@code KAFKA_BOOTSTRAP_SERVERS}. */
@Command(name = "check-workers", mixinStandardHelpOptions = true,
        description = "Run check workers (all checks, or those named with --checks) against KAFKA_BOOTSTRAP_SERVERS.")
final class CheckWorkersCommand implements Runnable {

    @Mixin
    private ServiceOptions options;

    @Option(names = "--checks", split = ",", description = "check ids to run (default: every available check)")
    private List<String> checks;

    @Option(names = "--concurrency", defaultValue = "8", description = "tasks run at once per check (default ${DEFAULT-VALUE})")
    private int concurrency;

    @Override
    public void run() {
        KycflowConfig config = options.config();
        KafkaClientSettings kafka = new KafkaClientSettings(config.requireBootstrapServers());
        List<String> ids = checks == null || checks.isEmpty()
                ? CheckCatalog.all().stream().map(CheckCatalog.Entry::checkId).toList() : checks;
        for (String id : ids) {
            if (!CheckCatalog.isKnown(id)) {
                throw new IllegalArgumentException("unknown check " + id + " (available: "
                        + CheckCatalog.all().stream().map(CheckCatalog.Entry::checkId).toList() + ")");
            }
        }
        try (ServiceRuntime runtime = new ServiceRuntime()) {
            runtime.add(ServiceRuntime.healthServer(config, ServiceRuntime.WORKERS_HEALTH_PORT,
                    ServiceRuntime.checkWorkers(runtime, config, kafka, ServiceRuntime.checkSuite(runtime, config, ids),
                            concurrency), System.out));
            runtime.awaitShutdown();
        }
    }
}
