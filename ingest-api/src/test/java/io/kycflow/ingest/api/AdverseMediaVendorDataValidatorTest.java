package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.json.Json;
import io.kycflow.common.net.OutboundUrlGuard;
import io.kycflow.common.net.SlackWebhookHosts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kyc_schema's adverse-media vendor data, through the real start-request validator. */
class AdverseMediaVendorDataValidatorTest {

    private static final String VENDOR = "kyc_schema.adverse_media_event_check.vendor_data";
    private static final String PROFILES = VENDOR + ".vendor_adverse_media_profiles";

    private final StartJobRequestValidator validator = new StartJobRequestValidator(AgentCatalog.bundled(),
            Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC), OutboundUrlGuard.withAllowlist(List.of()),
            SlackWebhookHosts.SLACK_ONLY);

    private static String body(String section) {
        return "{\"agent_key\":\"public-kyc\",\"kyc_schema\":{\"id\":\"c1\",\"self_attested_data\":{"
                + "\"first_name\":\"Jane\",\"last_name\":\"Doe\"}" + (section == null ? "" : ",\"adverse_media_event_check\":"
                + section) + "}}";
    }

    private static String vendor(String profiles) {
        return "{\"vendor_data\":{\"vendor_case_id\":\"case-9\",\"search_term\":\"Jane Doe\","
                + "\"vendor_adverse_media_profiles\":" + profiles + "}}";
    }

    private List<FieldProblem> problems(String body) {
        ApiError error = assertThrows(ApiError.class, () -> validator.validate(json(body)));
        assertEquals(400, error.status());
        @SuppressWarnings("unchecked")
        List<FieldProblem> details = (List<FieldProblem>) error.body().get("details");
        return details;
    }

    private List<String> fields(String body) {
        return problems(body).stream().map(FieldProblem::field).toList();
    }

    @Test
    void wellFormedVendorDataIsAcceptedAndKeptInsideThePersonalSchema() {
        String profile = """
                [{"id": "p-1", "full_name": "Jane Doe", "aliases": ["J. Doe"], "date_of_birth": "1980-03",
                  "age_as_of_today": 46, "associated_countries": ["United Kingdom", "GB"], "topics": ["crime.fraud"],
                  "summary": "Charged with fraud.",
                  "weblinks": [{"id": "w1", "title": "Doe charged", "url": "https://news.example.com/doe", "date": "2024-05-01"}]}]""";
        var valid = validator.validate(json(body(vendor(profile))));
        JsonNode schema = valid.request().kycSchema();
        assertEquals("Jane Doe", schema.at("/adverse_media_event_check/vendor_data/vendor_adverse_media_profiles/0/full_name").asText());
        String written = new String(sealedSubmission(valid.request()), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(written.contains("public-kyc"), "the plan is readable");
        for (String personal : List.of("Jane Doe", "Doe charged", "news.example.com", "crime.fraud")) {
            assertFalse(written.contains(personal), "vendor data is sealed with the rest of the kyc_schema: " + personal);
        }
        // No section at all, and an empty list of profiles (the vendor found nothing), are both fine.
        validator.validate(json(body(null)));
        validator.validate(json(body(vendor("[]"))));
    }

    @Test
    void malformedSectionsAreNamedByField() {
        assertEquals(List.of("kyc_schema.adverse_media_event_check"), fields(body("[]")));
        assertEquals(List.of(VENDOR), fields(body("{}")));
        assertEquals(List.of(VENDOR), fields(body("{\"vendor_data\": \"x\"}")));
        assertEquals(List.of(PROFILES), fields(body("{\"vendor_data\": {}}")));
        assertEquals(List.of(PROFILES), fields(body(vendor("{}"))));
        assertEquals(List.of(VENDOR + ".vendor_case_id"), fields(body(
                "{\"vendor_data\":{\"vendor_case_id\": 7, \"vendor_adverse_media_profiles\": []}}")));
    }

    @Test
    void malformedProfilesAreNamedByFieldWithoutEchoingTheirData() {
        List<FieldProblem> found = problems(body(vendor("""
                [{"full_name": "   "},
                 {"aliases": "Jane"},
                 {"full_name": "Jane Doe", "date_of_birth": "03/04/1980", "age_as_of_today": -3,
                  "associated_countries": [1], "topics": "fraud",
                  "weblinks": [{"url": "javascript:alert(1)"}, "x", {"title": 5}]},
                 "not a profile"]""")));
        List<String> fields = found.stream().map(FieldProblem::field).toList();
        assertEquals(List.of(PROFILES + "[0].full_name", PROFILES + "[1].full_name", PROFILES + "[1].aliases",
                PROFILES + "[2].associated_countries", PROFILES + "[2].topics", PROFILES + "[2].date_of_birth",
                PROFILES + "[2].age_as_of_today", PROFILES + "[2].weblinks[0].url", PROFILES + "[2].weblinks[1]",
                PROFILES + "[2].weblinks[2].title", PROFILES + "[3]"), fields);
        for (FieldProblem p : found) {
            assertFalse(p.problem().contains("03/04/1980") || p.problem().contains("javascript"), p.toString());
        }
    }

    @Test
    void tooManyProfilesIsRefused() {
        String many = "[" + String.join(",", java.util.Collections.nCopies(
                AdverseMediaVendorDataValidator.MAX_PROFILES + 1, "{\"full_name\":\"A B\"}")) + "]";
        assertEquals(List.of(PROFILES), fields(body(vendor(many))));
    }

    /** The submission as the API writes it to kyc.job-commands: the vendor data must not be readable in it. */
    private static byte[] sealedSubmission(io.kycflow.common.command.JobRequest request) {
        var ring = io.kycflow.common.crypto.PersonalDataProtection.install(io.kycflow.common.crypto.JobKeyRing.detached(
                io.kycflow.common.crypto.MasterKeys.parse(java.util.Base64.getEncoder().encodeToString(new byte[32])),
                java.time.Duration.ofMillis(50)));
        String ref = io.kycflow.common.crypto.DataKeyRef.of("acme", "job-1", "sub-1");
        ring.accept(ref, ring.masterKeys().wrap(ref, io.kycflow.common.crypto.AesGcm.newKey()));
        return Json.toBytes(new io.kycflow.common.command.SubmitJob(io.kycflow.common.command.JobCommand.SCHEMA_VERSION,
                "sub-1", "acme", "job-1", Instant.parse("2026-06-01T00:00:00Z"), request, null));
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
