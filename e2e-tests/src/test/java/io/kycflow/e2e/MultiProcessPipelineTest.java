package io.kycflow.e2e;

import io.kycflow.ingest.ApiClient;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code kycflow ingest-api}, {@code kycflow check-workers} and {@code kycflow notifier} as three JVMs on
 * the embedded broker, configured only through the environment: the way the compose file runs them.
 */
@ExtendWith(SharedKafka.class)
class MultiProcessPipelineTest {

    private static final String API_KEY = "kf_multiproc_multiprocsecret012345";
    private static final String SECRET = "multi-process-webhook-secret";

    @Test
    void theThreeServicesInTheirOwnProcessesRunAJobEndToEnd(EmbeddedKafkaBroker broker, @TempDir Path data)
            throws Exception {
        int port = ServiceProcess.freePort();
        Map<String, String> env = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "KYCFLOW_HTTP_PORT", Integer.toString(port),
                "KYCFLOW_DATA_DIR", data.toString(),
                "KYCFLOW_PARTITIONS", "3",
                "KYCFLOW_REPLICATION_FACTOR", "1",
                "KYCFLOW_API_KEY", API_KEY,
                "KYCFLOW_WEBHOOK_SECRET", SECRET,
                "KYCFLOW_LISTS_DIR", PipelineScenario.listsDir().toString(),
                "KYCFLOW_LISTS_MAX_AGE", "0",
                "KYCFLOW_OUTBOUND_ALLOWLIST", "127.0.0.1"));
        env.put("KYCFLOW_SLACK_WEBHOOK_HOSTS", "127.0.0.1");
        env.put("KYCFLOW_HEALTH_PORT", "0");
        env.put("KYCFLOW_INSTANCE_ID", "multi-process");
        // The shared broker holds other tests' keys, wrapped with the tests' master key: use it too.
        env.put("KYCFLOW_MASTER_KEY", io.kycflow.ingest.RunningApi.TEST_MASTER_KEY);
        // Logs outside the temporary directory, so they survive a failure.
        for (String service : new String[] {"ingest-api", "check-workers", "notifier"}) {
            java.nio.file.Files.deleteIfExists(Path.of("target", "multi-process-" + service + ".log"));
        }
        try (WebhookReceiver receiver = new WebhookReceiver();
             ServiceProcess api = ServiceProcess.start("ingest-api", env, Path.of("target", "multi-process-ingest-api.log").toAbsolutePath());
             ServiceProcess workers = ServiceProcess.start("check-workers", env, Path.of("target", "multi-process-check-workers.log").toAbsolutePath());
             ServiceProcess notifier = ServiceProcess.start("notifier", env, Path.of("target", "multi-process-notifier.log").toAbsolutePath())) {
            api.awaitReady(port, Duration.ofSeconds(90));
            PipelineScenario.run(new ApiClient("http://localhost:" + port, API_KEY), receiver, SECRET);
        }
    }
}
