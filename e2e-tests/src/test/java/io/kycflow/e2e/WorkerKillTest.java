package io.kycflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.ingest.ApiClient;
import io.kycflow.ingest.RunningApi;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A worker process killed (SIGKILL) in the middle of a batch loses nothing: a second worker runs what the
 * first had not committed, and every job ends complete with exactly one final result per check (the
 * registry ignores a second final result for a check that is already final).
 */
@ExtendWith(SharedKafka.class)
class WorkerKillTest {

    private static final int JOBS = 24;

    @Test
    void everyTaskEndsWithExactlyOneFinalResultAfterAWorkerIsKilledMidBatch(EmbeddedKafkaBroker broker,
                                                                            @TempDir Path data) throws Exception {
        try (RunningApi api = RunningApi.start(broker, data, "worker-kill-api", Map.of())) {
            ApiClient client = new ApiClient(api.baseUrl(), RunningApi.ACME_KEY.token());
            List<String> jobIds = IntStream.range(0, JOBS).mapToObj(i -> UUID.randomUUID().toString()).toList();
            for (String jobId : jobIds) {
                String body = """
                        {"agent_key": "kyc-identity-only", "job_id": "%s",
                         "kyc_schema": {"id": "c", "self_attested_data": {"first_name": "Jane", "last_name": "Doe"}}}
                        """.formatted(jobId);
                assertEquals(200, client.post("/api/v1/startKYCAgentJob", body).status());
            }
            Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "KYCFLOW_MASTER_KEY", RunningApi.TEST_MASTER_KEY);
            Path log = data.resolve("workers.log");

            ServiceProcess first = ServiceProcess.startMain(SlowWorkerMain.class.getName(), List.of("400", "slow-1"), env, log);
            long doneBeforeKill = awaitCompleted(client, jobIds, 4, Duration.ofSeconds(90));
            first.kill();
            assertTrue(doneBeforeKill < JOBS, "the kill must land mid-batch; all " + JOBS + " were done already");

            try (ServiceProcess second = ServiceProcess.startMain(SlowWorkerMain.class.getName(), List.of("10", "slow-2"),
                    env, log)) {
                assertEquals(JOBS, awaitCompleted(client, jobIds, JOBS, Duration.ofSeconds(90)));
            }
            for (String jobId : jobIds) {
                JsonNode job = client.get("/api/v1/getJobById?job_id=" + jobId + "&include_check_results=true").body();
                assertEquals("complete", job.get("status").asText());
                assertEquals(1, job.get("check_results").size());
                assertEquals("complete", job.at("/check_results/0/status").asText());
                assertEquals("Approve", job.get("recommendation").asText());
            }
        }
    }

    private static long awaitCompleted(ApiClient client, List<String> jobIds, int atLeast, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long done = 0;
        while (System.nanoTime() < deadline) {
            done = jobIds.stream()
                    .map(id -> client.get("/api/v1/getJobById?job_id=" + id))
                    .filter(r -> r.status() == 200 && "complete".equals(r.body().get("status").asText()))
                    .count();
            if (done >= atLeast) {
                return done;
            }
            Thread.sleep(100);
        }
        return done;
    }
}
