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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.kycflow.ingest.ApiClient.startBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API on a real broker: the reference API's shapes, 200/409/400/401/404/413/415, tokens and tenants. */
@ExtendWith(SharedKafka.class)
class IngestApiTest {

    @TempDir
    static Path data;
    private static RunningApi api;
    private static ApiClient acme;
    private static ApiClient globex;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) throws java.io.IOException {
        // default is limited to one agent; acme and globex, in no file, may use every agent.
        Path tenants = java.nio.file.Files.writeString(data.resolve("tenants.json"),
                "{\"tenants\": {\"default\": {\"agents\": [\"kyc-identity-only\"]}}}");
        api = RunningApi.start(broker, data, "api-test", Map.of("KYCFLOW_TENANTS_FILE", tenants.toString()));
        acme = new ApiClient(api.baseUrl(), RunningApi.ACME_KEY.token());
        globex = new ApiClient(api.baseUrl(), RunningApi.GLOBEX_KEY.token());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String newJobId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void startThenRepeatThenReadBackWithAndWithoutThePrefix() {
        String jobId = newJobId();
        ApiClient.Response started = acme.post("/api/v1/startKYCAgentJob", startBody(jobId, "Jane"));
        assertEquals(200, started.status(), started.raw().body());
        assertEquals("ok", started.body().get("status").asText());
        assertEquals(jobId, started.body().get("job_id").asText());
        assertEquals("The job was successfully added to the queue.", started.body().get("message").asText());
        JsonNode job = started.body().get("job");
        assertEquals("queued", job.get("status").asText());
        assertEquals("public-kyc", job.get("agent_id").asText());
        assertEquals("acme", job.get("tenant_id").asText());
        assertEquals("case-" + jobId, job.get("case_id").asText());
        assertFalse(job.has("plan"), "internal fields stay internal");
        assertFalse(job.has("submission_id"));

        ApiClient.Response identical = acme.post("/startKYCAgentJob", startBody(jobId, "Jane"));
        assertEquals(409, identical.status());
        assertEquals("Job with the provided ID already exists.", identical.body().get("error").asText());
        assertEquals(jobId, identical.body().get("job_id").asText());
        assertEquals(409, acme.post("/api/v1/startKYCAgentJob", startBody(jobId, "Other")).status());

        ApiClient.Response read = acme.get("/api/v1/getJobById?job_id=" + jobId + "&include_check_results=TRUE"
                + "&include_status_messages=True&unknown_parameter=1");
        assertEquals(200, read.status(), read.raw().body());
        assertEquals(io.kycflow.common.agent.AgentCatalog.bundled().find("public-kyc").orElseThrow().checks().size(),
                read.body().get("check_results").size());
        assertEquals("pending", read.body().at("/check_results/0/status").asText());
        assertTrue(read.body().get("risk_rating").isNull(), "no rating before the job finishes");
        assertEquals(0, read.body().get("risk_factors").size());
        assertEquals(1, read.body().get("status_messages").size());
        JsonNode plain = acme.get("/getJobById?job_id=" + jobId).body();
        assertFalse(plain.has("check_results"));
        assertEquals("Jane", plain.at("/input_payload/self_attested_data/first_name").asText());
    }

    @Test
    void anotherTenantsJobIsNotFoundAndItsJobIdIsFreeForThem() {
        String jobId = newJobId();
        assertEquals(200, acme.post("/api/v1/startKYCAgentJob", startBody(jobId, "Jane")).status());
        ApiClient.Response peek = globex.get("/api/v1/getJobById?job_id=" + jobId);
        assertEquals(404, peek.status());
        assertEquals("Job not found.", peek.body().get("error").asText());
        assertEquals(200, globex.post("/api/v1/startKYCAgentJob", startBody(jobId, "Gina")).status());
        assertEquals("Gina", globex.get("/api/v1/getJobById?job_id=" + jobId).body()
                .at("/input_payload/self_attested_data/first_name").asText());
        assertEquals("Jane", acme.get("/api/v1/getJobById?job_id=" + jobId).body()
                .at("/input_payload/self_attested_data/first_name").asText());
    }

    @Test
    void withoutAJobIdTheServerMakesAUuid() {
        ApiClient.Response started = acme.post("/api/v1/startKYCAgentJob", startBody(null, "Jane"));
        assertEquals(200, started.status());
        assertEquals(36, started.body().get("job_id").asText().length());
    }

    @Test
    void legacyAliasesAndNullOptionalFieldsAreAccepted() {
        String jobId = newJobId();
        String body = """
                {"agent_key": "public-kyc", "job_id": "%s", "check_id": "kyc.sanctions_screening_check_v2",
                 "webhook_url": null, "slack_webhook_url": null, "run_in_parallel": true, "batch_id": "b-1",
                 "payload": {"id": "c-1", "self_attested_data": {"first_name": "Ann", "last_name": "Lee", "middle_name": null}}}
                """.formatted(jobId);
        assertEquals(200, acme.post("/api/v1/startKYCAgentJob", body).status());
        JsonNode job = acme.get("/api/v1/getJobById?job_id=" + jobId + "&include_check_results=true").body();
        assertEquals(1, job.get("check_results").size());
        assertEquals("kyc.sanctions_screening_check_v2", job.at("/check_results/0/command_id").asText());
    }

    @Test
    void invalidInputIsA400NamingEachField() {
        ApiClient.Response response = acme.post("/api/v1/startKYCAgentJob", """
                {"agent_key": "public-kyc", "job_id": "has a space",
                 "check_ids": ["kyc.not_a_check"],
                 "kyc_schema": {"id": "c", "self_attested_data": {"first_name": "A", "last_name": "B",
                   "date_of_birth": "1990-02-30", "country_of_residence": "XX"}}}
                """);
        assertEquals(400, response.status());
        String details = response.body().get("details").toString();
        assertTrue(details.contains("\"field\":\"job_id\""), details);
        assertTrue(details.contains("\"field\":\"check_ids\""), details);
        assertTrue(details.contains("kyc_schema.self_attested_data.date_of_birth"), details);
        assertTrue(details.contains("kyc_schema.self_attested_data.country_of_residence"), details);
    }

    @Test
    void malformedOversizedOrMistypedBodiesAreJsonErrorsNever500() {
        ApiClient.Response malformed = acme.post("/api/v1/startKYCAgentJob", "{\"agent_key\": ");
        assertEquals(400, malformed.status());
        assertEquals("body", malformed.body().at("/details/0/field").asText());

        ApiClient.Response notAnObject = acme.post("/api/v1/startKYCAgentJob", "[1,2]");
        assertEquals(400, notAnObject.status());

        ApiClient.Response form = acme.post("/api/v1/startKYCAgentJob", "a=b", "application/x-www-form-urlencoded");
        assertEquals(415, form.status());
        assertNotNull(form.body());

        String huge = startBody(newJobId(), "J" + "x".repeat(1_100_000));
        ApiClient.Response tooLarge = acme.post("/api/v1/startKYCAgentJob", huge);
        assertEquals(413, tooLarge.status());
        assertNotNull(tooLarge.body().get("error"));

        String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
        assertEquals(400, acme.post("/api/v1/startKYCAgentJob", deep).status());

        ApiClient.Response unknown = acme.get("/api/v1/noSuchOperation");
        assertEquals(404, unknown.status());
        assertNotNull(unknown.body().get("error"));

        assertEquals(400, acme.get("/api/v1/getJobById").status());
        assertEquals(400, acme.get("/api/v1/getJobById?job_id=x&include_check_results=yes").status());
        assertEquals(400, acme.get("/api/v1/getJobById?job_id=" + "a".repeat(200)).status());
    }

    @Test
    void nestingAndStringLengthBoundsAndTheTokenEndpointsLimitsAreJsonErrors() {
        // The body object is one level; the extra field's value adds the rest.
        int levels = RequestContext.MAX_BODY_NESTING - 1;
        String atLimit = "{\"a\":".repeat(levels) + "1" + "}".repeat(levels);
        String overLimit = "{\"a\":".repeat(levels + 1) + "1" + "}".repeat(levels + 1);
        String base = startBody(newJobId(), "Jane");
        String withExtra = base.substring(0, base.lastIndexOf('}')) + ", \"batch_id\": %s}";
        ApiClient.Response deepButAllowed = acme.post("/api/v1/startKYCAgentJob", withExtra.formatted(atLimit));
        assertEquals(200, deepButAllowed.status(), "nesting at the limit passes, and the registry can read it back: " + deepButAllowed.raw().body());
        ApiClient.Response tooDeep = acme.post("/api/v1/startKYCAgentJob", withExtra.formatted(overLimit).replace(newJobIdPattern(base), newJobId()));
        assertEquals(400, tooDeep.status());
        assertTrue(tooDeep.body().at("/details/0/problem").asText().contains("nesting"), tooDeep.raw().body());

        ApiClient.Response longName = acme.post("/api/v1/startKYCAgentJob", startBody(newJobId(), "J".repeat(201)));
        assertEquals(400, longName.status());
        assertEquals("kyc_schema.self_attested_data.first_name", longName.body().at("/details/0/field").asText());
        assertEquals(200, acme.post("/api/v1/startKYCAgentJob", startBody(newJobId(), "J".repeat(200))).status());
        ApiClient.Response longAgent = acme.post("/api/v1/startKYCAgentJob",
                startBody(newJobId(), "Jane").replace("public-kyc", "a".repeat(129)));
        assertEquals(400, longAgent.status());
        assertEquals("agent_key", longAgent.body().at("/details/0/field").asText());

        ApiClient anonymous = acme.as(null);
        ApiClient.Response plain = anonymous.post("/api/v1/auth/token", "api_key=x", "text/plain");
        assertEquals(415, plain.status());
        assertEquals("Content-Type", plain.body().at("/details/0/field").asText());
        ApiClient.Response huge = anonymous.post("/api/v1/auth/token", "{\"api_key\": \"" + "k".repeat(1_100_000) + "\"}");
        assertEquals(413, huge.status());
        assertNotNull(huge.body().get("error"));
    }

    private static String newJobIdPattern(String body) {
        int at = body.indexOf("\"job_id\": \"") + 11;
        return body.substring(at, body.indexOf('"', at));
    }

    @Test
    void everyOperationButTheTokenEndpointAndHealthNeedsACredential() {
        ApiClient anonymous = acme.as(null);
        ApiClient.Response start = anonymous.post("/api/v1/startKYCAgentJob", startBody(newJobId(), "Jane"));
        assertEquals(401, start.status());
        assertEquals("Bearer", start.header("WWW-Authenticate"));
        assertEquals(401, anonymous.get("/api/v1/getJobById?job_id=x").status());
        assertEquals(401, acme.as("kf_acme0001_wrongsecret000000000").get("/api/v1/getJobById?job_id=x").status());
        assertEquals(401, acme.as("not-a-token").get("/api/v1/getJobById?job_id=x").status());
        assertEquals(200, anonymous.get("/health/live").status());
        assertEquals(200, anonymous.get("/metrics").status());
    }

    @Test
    void anApiKeyBuysAJwtThatWorksAsTheBearer() {
        ApiClient anonymous = acme.as(null);
        ApiClient.Response issued = anonymous.post("/api/v1/auth/token",
                "{\"api_key\": \"" + RunningApi.ACME_KEY.token() + "\"}");
        assertEquals(200, issued.status(), issued.raw().body());
        assertEquals("Bearer", issued.body().get("token_type").asText());
        assertTrue(issued.body().get("expires_in").asLong() > 0);
        String jwt = issued.body().get("access_token").asText();

        ApiClient withJwt = acme.as(jwt);
        String jobId = newJobId();
        assertEquals(200, withJwt.post("/api/v1/startKYCAgentJob", startBody(jobId, "Jane")).status());
        assertEquals(200, withJwt.get("/api/v1/getJobById?job_id=" + jobId).status());

        assertEquals(401, anonymous.post("/auth/token", "{\"api_key\": \"kf_acme0001_nopenopenopenope00\"}").status());
        assertEquals(400, anonymous.post("/auth/token", "{}").status());
        String tampered = jwt.substring(0, jwt.length() - 4) + (jwt.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertEquals(401, acme.as(tampered).get("/api/v1/getJobById?job_id=" + jobId).status());
    }

    @Test
    void aReadOnlyKeyCannotStartJobsAndTheErrorNamesTheMissingScope() {
        String readOnlyJwt = acme.as(null).post("/api/v1/auth/token",
                "{\"api_key\": \"" + RunningApi.READ_ONLY_KEY.token() + "\"}").body().get("access_token").asText();
        for (String bearer : List.of(RunningApi.READ_ONLY_KEY.token(), readOnlyJwt)) {
            ApiClient readOnly = acme.as(bearer);
            ApiClient.Response response = readOnly.post("/api/v1/startKYCAgentJob", startBody(newJobId(), "Jane"));
            assertEquals(403, response.status());
            assertNull(response.body().get("job_id"));
            assertTrue(response.body().at("/details/0/problem").asText().contains("jobs:write"), response.raw().body());
            int read = readOnly.get("/api/v1/getJobById?job_id=" + newJobId()).status();
            assertEquals(404, read, "reading is allowed (404: no such job)");
        }
    }

    @Test
    void theJwksIsPublicAndNamesTheKeyThatSignsTokens() {
        ApiClient.Response jwks = acme.as(null).get("/.well-known/jwks.json");
        assertEquals(200, jwks.status());
        JsonNode key = jwks.body().get("keys").get(0);
        String jwt = acme.as(null).post("/api/v1/auth/token", "{\"api_key\": \"" + RunningApi.ACME_KEY.token() + "\"}")
                .body().get("access_token").asText();
        assertEquals(com.auth0.jwt.JWT.decode(jwt).getKeyId(), key.get("kid").asText());
        assertEquals("ES256", key.get("alg").asText());
        assertEquals("sig", key.get("use").asText());
        assertNull(key.get("d"), "never the private part");
    }

    @Test
    void theCatalogueNamesOnlyChecksThatHaveAWorkerAndEveryOneIsInAnAgent() {
        JsonNode checks = acme.get("/api/v1/getAvailableChecks").body().get("checks");
        List<String> ids = new java.util.ArrayList<>();
        checks.forEach(c -> ids.add(c.get("check_id").asText()));
        assertEquals(List.of("kyc.identity_data_validation_check", "kyc.sanctions_screening_check_v2",
                "kyc.pep_screening_check_v2", "kyc.proof_of_address_verification", "kyc.government_id_verification",
                "kyc.adverse_media_screening_check_v2", "kyc.high_risk_jurisdiction_check"), ids);
        JsonNode agent = acme.get("/agent/config?agent_key=public-kyc").body();
        assertEquals(io.kycflow.common.agent.AgentCatalog.bundled().find("public-kyc").orElseThrow().checks().size(),
                agent.get("checks").size(), "public-kyc: identity, sanctions, PEP, jurisdiction; no document checks");
        assertTrue(agent.get("risk_rules").size() > 0, agent.toString());
        assertEquals("high", agent.at("/risk_rules/0/risk").asText(), agent.toString());
        JsonNode documents = acme.get("/agent/config?agent_key=kyc-documents").body();
        assertEquals(2, documents.get("checks").size(), documents.toString());
        assertTrue(documents.toString().contains("kyc.proof_of_address_verification")
                && documents.toString().contains("kyc.government_id_verification"), documents.toString());
        assertEquals(404, acme.get("/api/v1/agent/config?agent_key=nope").status());
        assertEquals(400, acme.get("/api/v1/agent/config").status());
    }

    @Test
    void healthAndMetricsReportTheRegistry() {
        assertEquals("ready", acme.get("/health/ready").body().get("status").asText());
        String metrics = acme.get("/metrics").raw().body();
        assertTrue(metrics.contains("kycflow_http_requests_seconds"), "request latency");
        assertTrue(metrics.contains("kafka_consumer_fetch_manager_records_lag"), "registry lag");
    }

    @Test
    void aTenantLimitedToSomeAgentsGets403ForTheOthers() {
        ApiClient limited = acme.as(RunningApi.DEFAULT_TENANT_KEY.token());
        ApiClient.Response refused = limited.post("/api/v1/startKYCAgentJob", startBody(newJobId(), "Limited"));
        assertEquals(403, refused.status(), refused.body().toString());
        assertEquals("agent_key", refused.body().at("/details/0/field").asText());
        assertEquals(403, limited.get("/api/v1/agent/config?agent_key=public-kyc").status());
        assertEquals(200, limited.get("/api/v1/agent/config?agent_key=kyc-identity-only").status());
        String allowed = startBody(newJobId(), "Limited").replace("\"public-kyc\"", "\"kyc-identity-only\"");
        assertEquals(200, limited.post("/api/v1/startKYCAgentJob", allowed).status());
        assertEquals(200, acme.post("/api/v1/startKYCAgentJob", startBody(newJobId(), "Unlimited")).status(),
                "a tenant nobody limited may use every agent");
    }
}
