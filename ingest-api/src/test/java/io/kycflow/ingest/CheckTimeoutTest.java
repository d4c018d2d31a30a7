package io.kycflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With no worker for a check, the job still reaches a terminal status: the registry times the check out
 * once its deadline has passed and the (empty) results partitions are known to be read.
 */
@ExtendWith(SharedKafka.class)
class CheckTimeoutTest {

    @Test
    void aCheckNobodyAnswersTimesOutAndTheJobIsReviewed(EmbeddedKafkaBroker broker, @TempDir Path data) throws Exception {
        Path agents = data.resolve("agents.json");
        Files.writeString(agents, """
                {"agents": [{"key": "quick", "version": "t1",
                  "checks": [{"id": "kyc.sanctions_screening_check_v2", "timeout": "3s"}],
                  "decision_rules": [{"when": {"check": "*", "status": "error"}, "recommendation": "Review"},
                                     {"recommendation": "Approve"}]}]}
                """);
        try (RunningApi api = RunningApi.start(broker, data, "timeout-api", Map.of("KYCFLOW_AGENTS_FILE", agents.toString()))) {
            ApiClient client = new ApiClient(api.baseUrl(), RunningApi.ACME_KEY.token());
            String jobId = UUID.randomUUID().toString();
            assertEquals(200, client.post("/api/v1/startKYCAgentJob", """
                    {"agent_key": "quick", "job_id": "%s",
                     "kyc_schema": {"id": "c", "self_attested_data": {"first_name": "Amelia", "last_name": "Hartley"}}}
                    """.formatted(jobId)).status());
            JsonNode job = null;
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                job = client.get("/api/v1/getJobById?job_id=" + jobId + "&include_check_results=true").body();
                if (job != null && "error".equals(job.path("status").asText())) {
                    break;
                }
                Thread.sleep(200);
            }
            assertEquals("error", job.get("status").asText(), job.toString());
            assertEquals("Review", job.get("recommendation").asText());
            assertEquals("timed_out", job.at("/check_results/0/error/code").asText());
        }
    }
}
