package io.kycflow.e2e;

import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The registry's process killed between a submission and its repeat: after a restart on the same data
 * the repeat is still a 409, and the job is still there. The dedup decision lives in Kafka (the store's
 * changelog, written in the same transaction as the outcome), not in the process.
 */
@ExtendWith(SharedKafka.class)
class RegistryKillTest {

    private static final String API_KEY = "kf_killtest_killtestsecret0123456789";

    @Test
    void aRepeatAfterTheRegistryWasKilledIsStillA409(EmbeddedKafkaBroker broker, @TempDir Path data) throws Exception {
        int port = ServiceProcess.freePort();
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "KYCFLOW_HTTP_PORT", Integer.toString(port),
                "KYCFLOW_DATA_DIR", data.toString(),
                "KYCFLOW_PARTITIONS", "3",
                "KYCFLOW_REPLICATION_FACTOR", "1",
                "KYCFLOW_API_KEY", API_KEY,
                "KYCFLOW_INSTANCE_ID", "kill-test");
        String jobId = UUID.randomUUID().toString();
        String body = """
                {"agent_key": "public-kyc", "job_id": "%s",
                 "kyc_schema": {"id": "case-1", "self_attested_data": {"first_name": "Jane", "last_name": "Doe"}}}
                """.formatted(jobId);
        Path log = data.resolve("ingest-api.log");

        ServiceProcess first = ServiceProcess.start("ingest-api", env, log);
        first.awaitReady(port, Duration.ofSeconds(90));
        assertEquals(200, post(port, body).statusCode());
        first.kill();

        try (ServiceProcess second = ServiceProcess.start("ingest-api", env, log)) {
            // Ready means the stores answer: the first repeat and the first read need no retry.
            second.awaitReady(port, Duration.ofSeconds(90));
            HttpResponse<String> repeat = post(port, body);
            assertEquals(409, repeat.statusCode(), repeat.body());
            HttpResponse<String> read = get(port, jobId);
            assertEquals(200, read.statusCode(), read.body());
        }
    }

    private static HttpResponse<String> get(int port, String jobId) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/getJobById?job_id=" + jobId))
                .header("Authorization", "Bearer " + API_KEY).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(int port, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/startKYCAgentJob"))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
