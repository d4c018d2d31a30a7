package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.ingest.ApiClient;
import io.kycflow.ingest.RunningApi;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.kycflow.ingest.ApiClient.startBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitoring routes on a real broker: subscribe / unsubscribe by job or case, the listings, and their errors. */
@ExtendWith(SharedKafka.class)
class MonitoringApiTest {

    @TempDir
    static Path data;
    private static RunningApi api;
    private static ApiClient acme;
    private static ApiClient globex;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) {
        api = RunningApi.start(broker, data, "monitoring-api-test", Map.of());
        acme = new ApiClient(api.baseUrl(), RunningApi.ACME_KEY.token());
        globex = new ApiClient(api.baseUrl(), RunningApi.GLOBEX_KEY.token());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String started(boolean monitor) {
        String jobId = "mon-" + UUID.randomUUID();
        String body = startBody(jobId, "Jane");
        if (monitor) {
            body = body.replaceFirst("\\{", "{\"monitor\": true, ");
        }
        ApiClient.Response response = acme.post("/api/v1/startKYCAgentJob", body);
        assertEquals(200, response.status(), response.raw().body());
        assertEquals(monitor, response.body().at("/job/monitoring/active").asBoolean(), response.raw().body());
        return jobId;
    }

    @Test
    void subscribeByJobOrCaseUnsubscribeAndListOnlyYourMonitoredJobs() {
        String plain = started(false);
        String atStart = started(true);
        ApiClient.Response subscribed = acme.post("/api/v1/monitoring/subscribe", "{\"job_id\": \"" + plain + "\"}");
        assertEquals(200, subscribed.status(), subscribed.raw().body());
        assertTrue(subscribed.body().at("/job/monitoring/active").asBoolean());
        assertFalse(subscribed.body().at("/job/monitoring/since").isNull());
        assertEquals(200, acme.post("/monitoring/subscribe", "{\"job_id\": \"" + plain + "\"}").status(), "again, unprefixed");

        List<String> listed = new ArrayList<>();
        ApiClient.Response page = acme.get("/api/v1/monitoring/subjects?limit=1");
        assertEquals(200, page.status(), page.raw().body());
        assertEquals(1, page.body().get("count").asInt());
        page.body().get("subjects").forEach(s -> listed.add(s.get("job_id").asText()));
        String cursor = page.body().get("next_cursor").asText();
        JsonNode rest = acme.get("/api/v1/monitoring/subjects?limit=100&cursor=" + cursor).body();
        rest.get("subjects").forEach(s -> listed.add(s.get("job_id").asText()));
        assertTrue(listed.containsAll(List.of(plain, atStart)), listed.toString());
        assertEquals(0, rest.get("subjects").findValues("input_payload").size(), "no personal data in the listing");
        assertEquals(0, globex.get("/api/v1/monitoring/subjects").body().get("count").asInt(), "tenant-scoped");
        assertTrue(acme.get("/api/v1/jobs?monitored=true&limit=100").body().get("jobs").findValuesAsText("id").contains(atStart));

        ApiClient.Response ended = acme.post("/api/v1/monitoring/unsubscribe", "{\"case_id\": \"case-" + atStart + "\"}");
        assertEquals(200, ended.status(), ended.raw().body());
        assertFalse(ended.body().at("/job/monitoring/active").asBoolean());
        assertFalse(acme.get("/api/v1/monitoring/subjects?limit=100").body().get("subjects").findValuesAsText("job_id")
                .contains(atStart));
        assertEquals(0, acme.get("/api/v1/monitoring/alerts?case_id=case-" + atStart).body().get("count").asInt());
    }

    @Test
    void badBodiesNameTheFieldAndUnknownOrForeignJobsAreNotFound() {
        String jobId = started(false);
        assertField(acme.post("/api/v1/monitoring/subscribe", "{}"), 400, "job_id");
        assertField(acme.post("/api/v1/monitoring/subscribe", "[]"), 400, "body");
        assertField(acme.post("/api/v1/monitoring/subscribe", "{\"job_id\": \"a\", \"case_id\": \"b\"}"), 400, "case_id");
        assertField(acme.post("/api/v1/monitoring/subscribe", "{\"job_id\": 12}"), 400, "job_id");
        assertField(acme.post("/api/v1/monitoring/subscribe", "{\"job_id\": \"bad id!\"}"), 400, "job_id");
        assertField(acme.post("/api/v1/monitoring/subscribe", "{\"case_id\": 3}"), 400, "case_id");
        assertField(acme.get("/api/v1/monitoring/subjects?limit=0"), 400, "limit");
        assertField(acme.get("/api/v1/monitoring/alerts"), 400, "case_id");
        assertField(acme.get("/api/v1/jobs?monitored=maybe"), 400, "monitored");

        ApiClient.Response unknown = acme.post("/api/v1/monitoring/subscribe", "{\"job_id\": \"no-such-job\"}");
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().has("error"), unknown.raw().body());
        assertEquals(404, globex.post("/api/v1/monitoring/subscribe", "{\"job_id\": \"" + jobId + "\"}").status(),
                "another tenant's job is not found");
        assertEquals(404, globex.post("/api/v1/monitoring/subscribe", "{\"case_id\": \"case-" + jobId + "\"}").status(),
                "nor its case");
        assertEquals(404, acme.post("/api/v1/monitoring/unsubscribe", "{\"case_id\": \"no-such-case\"}").status());

        assertEquals(200, acme.post("/api/v1/deleteJob", "{\"job_id\": \"" + jobId + "\"}").status());
        ApiClient.Response deleted = acme.post("/api/v1/monitoring/subscribe", "{\"job_id\": \"" + jobId + "\"}");
        assertEquals(409, deleted.status(), deleted.raw().body());
        assertTrue(deleted.body().has("error"));
    }

    private static void assertField(ApiClient.Response response, int status, String field) {
        assertEquals(status, response.status(), response.raw().body());
        assertEquals(field, response.body().at("/details/0/field").asText(), response.raw().body());
    }
}
