package io.kycflow.e2e;

import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.crypto.MasterKeys;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.net.OutboundUrlGuard;
import io.kycflow.ingest.ApiClient;
import io.kycflow.ingest.RunningApi;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import io.kycflow.notifier.DeliveryPolicy;
import io.kycflow.notifier.NotifierService;
import io.kycflow.notifier.WebhookSecrets;
import io.kycflow.workers.CheckWorkersService;
import io.kycflow.workers.checks.CheckSuite;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Every service in one JVM on the embedded broker, a real local HTTP server receiving the webhooks. */
@ExtendWith(SharedKafka.class)
class InProcessPipelineTest {

    static final String SECRET = "acme-webhook-secret-for-tests";

    @Test
    void aJobRunsItsChecksAndTheSignedWebhookArrives(EmbeddedKafkaBroker broker, @TempDir Path data) throws Exception {
        runEveryServiceInThisJvm(broker.bootstrapServers(), data);
    }

    /** The API with its registry, the workers of both checks and the notifier, on the given broker. */
    static void runEveryServiceInThisJvm(String bootstrapServers, Path data) throws Exception {
        KycflowConfig config = KycflowConfig.from(Map.of("KYCFLOW_LISTS_DOWNLOAD", "off", 
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "KYCFLOW_DATA_DIR", data.toString(),
                "KYCFLOW_LISTS_DIR", PipelineScenario.listsDir().toString(),
                "KYCFLOW_LISTS_MAX_AGE", "0",
                "KYCFLOW_SLACK_WEBHOOK_HOSTS", "127.0.0.1",
                "KYCFLOW_MASTER_KEY", RunningApi.TEST_MASTER_KEY));
        KafkaClientSettings kafka = new KafkaClientSettings(bootstrapServers);
        try (WebhookReceiver receiver = new WebhookReceiver();
             RunningApi api = RunningApi.start(bootstrapServers, data, "pipeline-api",
                     Map.of("KYCFLOW_OUTBOUND_ALLOWLIST", "127.0.0.1", "KYCFLOW_SLACK_WEBHOOK_HOSTS", "127.0.0.1"));
             CheckSuite suite = CheckSuite.create(AgentCatalog.bundled().find("public-kyc").orElseThrow().checkIds(),
                     config, Clock.systemUTC());
             CheckWorkersService workers = new CheckWorkersService(kafka,
                     MasterKeys.of(config.masterKey(), config.dataDir()), suite.checks(), 4, "pipeline").start();
             NotifierService notifier = new NotifierService(config, kafka, WebhookSecrets.of(Map.of("acme", SECRET)),
                     OutboundUrlGuard.withAllowlist(List.of("127.0.0.1")), NotifierService.defaultHttpClient(),
                     Clock.systemUTC(), DeliveryPolicy.DEFAULT, new SimpleMeterRegistry()).start()) {
            PipelineScenario.run(new ApiClient(api.baseUrl(), RunningApi.ACME_KEY.token()), receiver, SECRET);
        }
    }
}
