package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.ingest.ApiClient;
import io.kycflow.ingest.RunningApi;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import io.kycflow.screening.load.ListPurpose;
import io.kycflow.screening.load.ListRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v1/screen} on a real broker and real (synthetic, OFAC-format) list files. */
@ExtendWith(SharedKafka.class)
class ScreenEndpointTest {

    @TempDir
    static Path data;
    private static RunningApi api;
    private static ApiClient acme;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) throws Exception {
        ListRegistry sanctions = new ListRegistry();
        sanctions.refresh(Path.of(Objects.requireNonNull(ScreenEndpointTest.class.getResource("/screen-lists")).toURI()));
        // Only sanctions lists on this instance: a PEP request must say so, not pretend there was no match.
        api = RunningApi.start(broker.bootstrapServers(), data, "screen-api", Map.of("KYCFLOW_SCREEN_RATE_LIMIT", "150"),
                Map.of(ListPurpose.SANCTIONS, sanctions));
        acme = new ApiClient(api.baseUrl(), RunningApi.ACME_KEY.token());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aBatchIsAnsweredInOrderWithHitsExplanationsAndTheListsUsed() {
        ApiClient.Response r = acme.post("/api/v1/screen", """
                {"queries": [
                  {"id": "c-1", "name": "Rustam Aliyevich Karimov", "date_of_birth": "1971-03-14", "nationality": "UZ"},
                  {"name": "Jane Margaret Holloway", "schema": "Person"},
                  {"id": "c-3", "name": "Sea Falcon", "schema": "Vessel"}
                ]}""");
        assertEquals(200, r.status(), r.raw().body());
        JsonNode results = r.body().get("results");
        assertEquals(List.of("c-1", "1", "c-3"), StreamSupport.stream(results.spliterator(), false)
                .map(n -> n.get("id").asText()).toList());

        JsonNode listed = results.get(0);
        assertEquals("STRONG_MATCH", listed.get("match").asText());
        JsonNode hit = listed.get("hits").get(0);
        assertEquals("1001", hit.get("entity_id").asText());
        assertEquals("ofac_sdn", hit.get("list").asText());
        assertTrue(hit.get("explanation").asText().contains("date of birth"), hit.get("explanation").asText());
        assertEquals("1971-03-14", hit.get("entity").get("birth_dates").get(0).asText());

        assertEquals("NO_MATCH", results.get(1).get("match").asText());
        assertEquals(0, results.get(1).get("hits").size());
        assertEquals("1003", results.get(2).get("hits").get(0).get("entity_id").asText());

        JsonNode list = r.body().get("lists").get(0);
        assertEquals("ofac_sdn", list.get("list").asText());
        assertEquals(64, list.get("sha256").asText().length());
    }

    @Test
    void everyProblemIsNamedByItsFieldAndNothingIsScreened() {
        ApiClient.Response r = acme.post("/api/v1/screen", """
                {"lists": "interpol", "limit": 0, "colour": "red", "queries": [
                  {"id": "a", "name": "Someone"},
                  {"id": "a", "name": "Someone else"},
                  {"name": "", "date_of_birth": "14 March 1971"},
                  {"name": "X", "schema": "Spaceship", "nationality": 7}
                ]}""");
        assertEquals(400, r.status(), r.raw().body());
        List<String> fields = new ArrayList<>();
        r.body().get("details").forEach(d -> fields.add(d.get("field").asText()));
        assertEquals(List.of("colour", "lists", "limit", "queries[1].id", "queries[2].name",
                "queries[2].date_of_birth", "queries[3].nationality", "queries[3].schema"), fields);

        assertEquals("queries", acme.post("/api/v1/screen", "{\"queries\": []}").body().get("details").get(0)
                .get("field").asText());
        StringBuilder many = new StringBuilder("{\"queries\": [");
        for (int i = 0; i <= 100; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\": \"Name ").append(i).append("\"}");
        }
        ApiClient.Response tooMany = acme.post("/api/v1/screen", many.append("]}").toString());
        assertEquals(400, tooMany.status());
        assertTrue(tooMany.body().get("details").get(0).get("problem").asText().contains("at most 100"));
        assertEquals(400, acme.post("/api/v1/screen", "[1, 2]").status());
    }

    @Test
    void aPurposeWithoutListsIsA503ThatSaysSo() {
        ApiClient.Response r = acme.post("/api/v1/screen", "{\"lists\": \"pep\", \"queries\": [{\"name\": \"Someone\"}]}");
        assertEquals(503, r.status());
        assertTrue(r.body().get("error").asText().contains("No pep list is loaded"), r.raw().body());
        assertTrue(r.header("Retry-After") != null);
    }

    @Test
    void aReadOnlyKeyMayNotScreenAndNamesAreLimitedPerTenant() {
        assertEquals(403, acme.as(RunningApi.READ_ONLY_KEY.token())
                .post("/api/v1/screen", "{\"queries\": [{\"name\": \"Someone\"}]}").status());

        // 150 names per second for this tenant (globex, untouched by the other tests): a full batch of 100
        // passes, a second one within the same second is refused, saying when to retry.
        ApiClient globex = acme.as(RunningApi.GLOBEX_KEY.token());
        StringBuilder batch = new StringBuilder("{\"queries\": [");
        for (int i = 0; i < 100; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"name\": \"Person Number ").append(i).append("\"}");
        }
        String body = batch.append("]}").toString();
        assertEquals(200, globex.post("/api/v1/screen", body).status());
        ApiClient.Response refused = globex.post("/api/v1/screen", body);
        assertEquals(429, refused.status(), refused.raw().body());
        assertTrue(refused.body().get("error").asText().contains("names screened"), refused.raw().body());
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
    }
}
