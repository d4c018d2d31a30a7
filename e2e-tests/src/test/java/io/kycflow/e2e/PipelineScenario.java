package io.kycflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.json.Json;
import io.kycflow.ingest.ApiClient;
import io.kycflow.notifier.WebhookSignature;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline as a client sees it, whatever runs the services: start a job (200), repeat it (409),
 * its checks run on workers, the signed webhook and the Slack message arrive, getJobById has the results.
 * A clean person is approved at low risk; a listed person whose date of birth matches is denied at high risk.
 */
final class PipelineScenario {

    static final Duration WAIT = Duration.ofSeconds(90);

    private PipelineScenario() {
    }

    /** The small sanctions lists of this module's test resources (written for the tests, not real data). */
    static Path listsDir() {
        try {
            return Path.of(PipelineScenario.class.getResource("/lists").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void run(ApiClient client, WebhookReceiver receiver, String webhookSecret) throws Exception {
        String clean = UUID.randomUUID().toString();
        String listed = UUID.randomUUID().toString();
        String pep = UUID.randomUUID().toString();

        assertEquals(200, client.post("/api/v1/startKYCAgentJob", body(clean, "Amelia", "Hartley", "1990-04-01", "GB", receiver,
                "/hooks/clean")).status());
        assertEquals(409, client.post("/api/v1/startKYCAgentJob", body(clean, "Amelia", "Hartley", "1990-04-01", "GB", receiver,
                "/hooks/clean")).status());
        assertEquals(200, client.post("/api/v1/startKYCAgentJob", body(listed, "Rustam", "Karimov", "1971-03-14", "UZ",
                receiver, "/hooks/listed")).status());
        assertEquals(200, client.post("/api/v1/startKYCAgentJob", body(pep, "Harriet", "Vandermolen", "1961-04-12", "US",
                receiver, "/hooks/pep")).status());

        WebhookReceiver.Received webhook = receiver.next("/hooks/clean", WAIT);
        assertTrue(WebhookSignature.verify(webhook.headers().get("x-kycflow-signature"), webhook.bodyBytes(), webhookSecret,
                Instant.now()).valid(), "the receiver verifies the signature");
        JsonNode job = Json.mapper().readTree(webhook.body());
        assertEquals(clean, job.get("id").asText());
        assertEquals(webhook.headers().get("x-kycflow-event-id"), job.get("event_id").asText());
        assertEquals("complete", job.get("status").asText(), webhook.body());
        assertEquals("Approve", job.get("recommendation").asText());
        assertEquals("low", job.get("risk_rating").asText(), webhook.body());
        assertEquals(0, job.get("risk_factors").size(), webhook.body());
        assertEquals(io.kycflow.common.agent.AgentCatalog.bundled().find("public-kyc").orElseThrow().checks().size(),
                job.get("check_results").size());
        for (JsonNode result : job.get("check_results")) {
            assertEquals("complete", result.get("status").asText(), result.toString());
            assertTrue(result.get("passed").asBoolean(), result.toString());
        }

        WebhookReceiver.Received slack = receiver.next("/slack/clean", WAIT);
        assertTrue(slack.body().contains("\"blocks\""), slack.body());
        assertTrue(slack.body().contains("Amelia Hartley"), slack.body());

        JsonNode denied = Json.mapper().readTree(receiver.next("/hooks/listed", WAIT).body());
        assertEquals("Deny", denied.get("recommendation").asText(), denied.toString());
        assertEquals("high", denied.get("risk_rating").asText(), denied.toString());
        assertEquals("Strong sanctions match corroborated by date of birth",
                denied.at("/risk_factors/0/description").asText(), denied.toString());

        // A sitting senator: the PEP check passes (a PEP is not a failure) and public-kyc asks for review.
        JsonNode reviewed = Json.mapper().readTree(receiver.next("/hooks/pep", WAIT).body());
        assertEquals("Review", reviewed.get("recommendation").asText(), reviewed.toString());
        JsonNode pepResult = null;
        for (JsonNode result : reviewed.get("check_results")) {
            if (result.get("command_id").asText().equals("kyc.pep_screening_check_v2")) {
                pepResult = result;
            }
        }
        assertNotNull(pepResult, reviewed.toString());
        assertTrue(pepResult.get("passed").asBoolean(), pepResult.toString());
        assertEquals("STRONG_MATCH", pepResult.at("/payload/pep_match").asText(), pepResult.toString());
        assertEquals("X000001", pepResult.at("/payload/verified_pep_hits/0/entity_id").asText());
        assertEquals("Active", pepResult.at("/payload/verified_pep_hits/0/pep_status").asText());
        assertEquals("us_congress", pepResult.at("/payload/lists/0/list").asText());

        JsonNode read = client.get("/api/v1/getJobById?job_id=" + clean + "&include_check_results=true").body();
        assertEquals("complete", read.get("status").asText());
        assertEquals(1.0, read.get("progress").asDouble());
        assertTrue(read.at("/check_results/1/payload/lists").size() > 0, "the lists used are named in the evidence");
    }

    /** The client's adverse-media vendor searched and found no profile. */
    private static JsonNode vendorFoundNothing() {
        ObjectNode vendor = Json.mapper().createObjectNode();
        vendor.putObject("vendor_data").put("vendor_case_id", "vc-1").putArray("vendor_adverse_media_profiles");
        return vendor;
    }

    private static String body(String jobId, String first, String last, String dob, String nationality,
                               WebhookReceiver receiver, String hookPath) throws IOException {
        ObjectNode schema = Json.mapper().createObjectNode().put("id", "case-" + jobId);
        schema.putObject("self_attested_data")
                .put("first_name", first).put("last_name", last).put("date_of_birth", dob)
                .put("country_of_nationality", nationality).put("country_of_residence", nationality)
                .put("email", first.toLowerCase() + "@example.com");
        schema.set("adverse_media_event_check", vendorFoundNothing());
        return Json.toString(Json.mapper().createObjectNode()
                .put("agent_key", "public-kyc")
                .put("job_id", jobId)
                .put("webhook_url", receiver.url(hookPath))
                .put("slack_webhook_url", receiver.url(hookPath.replace("/hooks/", "/slack/")))
                .set("kyc_schema", schema));
    }
}
