package io.kycflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.agent.CheckCatalog;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.crypto.MasterKeys;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.ingest.ApiClient;
import io.kycflow.ingest.RunningApi;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import io.kycflow.workers.CheckWorkersService;
import io.kycflow.workers.checks.CheckSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first start offline, with no list at all: the job is not left waiting for the sanctions check's
 * 10-minute deadline. The check takes its task and answers error (lists_unavailable) at once, and the job
 * finishes in seconds for a person to review.
 */
@ExtendWith(SharedKafka.class)
class NoListsPipelineTest {

    @Test
    void withoutListsTheScreeningChecksAnswerErrorPromptly(EmbeddedKafkaBroker broker, @TempDir Path data) throws Exception {
        Path emptyLists = Files.createDirectories(data.resolve("lists"));
        KycflowConfig config = KycflowConfig.from(Map.of("KYCFLOW_LISTS_DOWNLOAD", "off",
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "KYCFLOW_DATA_DIR", data.toString(),
                "KYCFLOW_LISTS_DIR", emptyLists.toString(),
                "KYCFLOW_MASTER_KEY", RunningApi.TEST_MASTER_KEY));
        KafkaClientSettings kafka = new KafkaClientSettings(broker.bootstrapServers());
        try (RunningApi api = RunningApi.start(broker.bootstrapServers(), data, "no-lists-api", Map.of());
             CheckSuite suite = CheckSuite.create(AgentCatalog.bundled().find("public-kyc").orElseThrow().checkIds(),
                     config, Clock.systemUTC());
             CheckWorkersService workers = new CheckWorkersService(kafka,
                     MasterKeys.of(config.masterKey(), config.dataDir()), suite.checks(), 4, "no-lists").start()) {
            assertTrue(suite.listsNotice().orElseThrow().contains("put the official files in " + emptyLists));
            ApiClient client = new ApiClient(api.baseUrl(), RunningApi.ACME_KEY.token());
            String jobId = UUID.randomUUID().toString();
            assertEquals(200, client.post("/api/v1/startKYCAgentJob", ApiClient.startBody(jobId, "Amelia")).status());

            long started = System.nanoTime();
            JsonNode job = null;
            while (System.nanoTime() - started < Duration.ofSeconds(60).toNanos()) {
                job = client.get("/api/v1/getJobById?job_id=" + jobId + "&include_check_results=true").body();
                if (job.path("status").asText().matches("complete|error")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertTrue(job != null && job.path("status").asText().matches("complete|error"),
                    "the job finished within a minute, not at the 10-minute check deadline: " + job);
            JsonNode sanctions = null;
            for (JsonNode result : job.get("check_results")) {
                if (result.path("command_id").asText().equals(CheckCatalog.SANCTIONS_SCREENING)) {
                    sanctions = result;
                }
            }
            assertTrue(sanctions != null, job.toString());
            assertEquals("error", sanctions.get("status").asText(), sanctions.toString());
            assertTrue(sanctions.toString().contains("lists_unavailable"), sanctions.toString());
        }
    }
}
