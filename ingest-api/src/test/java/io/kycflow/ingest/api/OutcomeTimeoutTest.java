package io.kycflow.ingest.api;

import io.kycflow.ingest.ApiClient;
import io.kycflow.ingest.RunningApi;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static io.kycflow.ingest.ApiClient.startBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** When the registry's answer does not come in time, the client hears 503 with Retry-After and its job_id. */
@ExtendWith(SharedKafka.class)
class OutcomeTimeoutTest {

    @Test
    void anOutcomeNotKnownInTimeIsA503AndTheRetryLearnsTheTruth(EmbeddedKafkaBroker broker, @TempDir Path data)
            throws InterruptedException {
        String jobId = UUID.randomUUID().toString();
        try (RunningApi impatient = RunningApi.start(broker, data, "api-impatient", Map.of("KYCFLOW_OUTCOME_TIMEOUT", "1ms"))) {
            ApiClient.Response unknown = new ApiClient(impatient.baseUrl(), RunningApi.ACME_KEY.token())
                    .post("/api/v1/startKYCAgentJob", startBody(jobId, "Jane"));
            assertEquals(503, unknown.status(), unknown.raw().body());
            assertEquals("1", unknown.header("Retry-After"));
            assertEquals(jobId, unknown.body().get("job_id").asText());
        }
        try (RunningApi patient = RunningApi.start(broker, data, "api-patient", Map.of())) {
            // The first attempt was taken after all: the retry says so (409), and the job is there.
            ApiClient client = new ApiClient(patient.baseUrl(), RunningApi.ACME_KEY.token());
            assertEquals(409, client.post("/api/v1/startKYCAgentJob", startBody(jobId, "Jane")).status());
            // A fresh instance may still be rebalancing: a 503 with Retry-After says to retry, as a client would.
            ApiClient.Response read = client.get("/api/v1/getJobById?job_id=" + jobId);
            for (long deadline = System.nanoTime() + 15_000_000_000L; read.status() == 503 && System.nanoTime() < deadline; ) {
                Thread.sleep(200);
                read = client.get("/api/v1/getJobById?job_id=" + jobId);
            }
            assertEquals(200, read.status(), read.raw().body());
        }
    }
}
