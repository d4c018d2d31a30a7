package io.kycflow.e2e;

import io.kycflow.ingest.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The all-in-one (embedded broker and every service in one JVM) SIGKILLed right after a 200 and started
 * again on the same data and ports: {@code /health/ready} says what is missing until the instance can
 * answer, and once it says ready, the very first read of every job and the first repeat of a job_id are
 * answered 200 and 409, with no 503 between.
 */
class AllInOneRestartTest {

    private static final String API_KEY = "kf_restart1_restartsecret0123456789";
    private static final int JOBS = 20;

    @Test
    void afterAKillAndRestartReadyMeansEveryJobIsReadable(@TempDir Path data) throws Exception {
        int port = ServiceProcess.freePort();
        Map<String, String> env = Map.of(
                "KYCFLOW_HTTP_PORT", Integer.toString(port),
                "KYCFLOW_KAFKA_PORT", Integer.toString(ServiceProcess.freePort()),
                "KYCFLOW_HEALTH_PORT", "0",
                "KYCFLOW_DATA_DIR", data.toString(),
                "KYCFLOW_API_KEY", API_KEY);
        Path log = Path.of("target", "all-in-one-restart.log").toAbsolutePath();
        Files.deleteIfExists(log);
        ApiClient api = new ApiClient("http://localhost:" + port, API_KEY);
        List<String> jobIds = new ArrayList<>();

        ServiceProcess first = ServiceProcess.startMain("io.kycflow.app.Kycflow", List.of(), env, log);
        try {
            first.awaitReady(port, Duration.ofSeconds(120));
            for (int i = 0; i < JOBS; i++) {
                String jobId = UUID.randomUUID().toString();
                assertEquals(200, api.post("/api/v1/startKYCAgentJob", body(jobId)).status());
                jobIds.add(jobId);
            }
        } finally {
            first.kill(); // right after the last 200: no clean close of the broker, the stores or the consumers
        }

        try (ServiceProcess second = ServiceProcess.startMain("io.kycflow.app.Kycflow", List.of(), env, log)) {
            List<String> notReadyReasons = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 120_000;
            while (true) {
                assertTrue(second.isAlive(), "the restarted all-in-one exited; see " + log);
                assertTrue(System.currentTimeMillis() < deadline, "not ready 120 s after the restart; see " + log);
                ApiClient.Response ready = probe(api);
                if (ready != null && ready.status() == 200) {
                    break;
                }
                if (ready != null) {
                    assertEquals(503, ready.status());
                    String reason = ready.body().path("reason").asText();
                    assertFalse(reason.isBlank(), "a not-ready answer says what is missing");
                    notReadyReasons.add(reason);
                }
                Thread.sleep(50);
            }
            System.out.println("not ready while restarting: " + notReadyReasons.stream().distinct().toList());

            for (String jobId : jobIds) {
                ApiClient.Response read = api.get("/api/v1/getJobById?job_id=" + jobId);
                assertEquals(200, read.status(), "the first read after ready: " + read.raw().body());
                assertEquals(jobId, read.body().path("id").asText());
            }
            ApiClient.Response repeat = api.post("/api/v1/startKYCAgentJob", body(jobIds.get(JOBS - 1)));
            assertEquals(409, repeat.status(), "the first repeat after ready: " + repeat.raw().body());
        }
    }

    /** The readiness answer, or null while nothing listens on the port yet. */
    private static ApiClient.Response probe(ApiClient api) {
        try {
            return api.get("/health/ready");
        } catch (UncheckedIOException notListening) {
            return null;
        }
    }

    private static String body(String jobId) {
        return """
                {"agent_key": "kyc-identity-only", "job_id": "%s",
                 "kyc_schema": {"id": "case-restart", "self_attested_data": {"first_name": "Jane", "last_name": "Doe"}}}
                """.formatted(jobId);
    }
}
