package io.kycflow.workers.checks.sanctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.command.CheckTask;
import io.kycflow.common.json.Json;
import io.kycflow.screening.load.ListRegistry;
import io.kycflow.workers.check.CheckUnavailableException;
import io.kycflow.workers.check.CheckVerdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check on two tiny fixture lists (an OFAC SDN set dated 2026-03-01 and a UN XML of 2026-03-02). */
class SanctionsScreeningCheckTest {

    private static final Clock MARCH_5 = Clock.fixed(Instant.parse("2026-03-05T10:00:00Z"), ZoneOffset.UTC);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final JsonNode AGENT_ARGS = Json.mapper().createObjectNode()
            .put("strong_match_threshold", 0.90).put("partial_match_threshold", 0.80);

    private static ListRegistry lists;

    @BeforeAll
    static void loadFixtures() throws Exception {
        lists = new ListRegistry();
        lists.refresh(fixtureLists());
    }

    static Path fixtureLists() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(SanctionsScreeningCheckTest.class.getResource("/sanctions/lists")).toURI());
    }

    @Test
    void listedPersonWithMatchingBirthDateIsACorroboratedStrongMatch() throws Exception {
        SanctionsScreeningCheck check = new SanctionsScreeningCheck(lists, WEEK, MARCH_5);
        assertTrue(check.ready());

        CheckVerdict verdict = check.run(task(AGENT_ARGS, person("Rustam", "Aliyevich", "Karimov", "1971-03-14", "UZ")));

        assertFalse(verdict.passed());
        JsonNode payload = verdict.payload();
        assertEquals("KYCSanctionsScreeningCheckResult", payload.get("type").asText());
        assertFalse(payload.get("passed").asBoolean());
        assertTrue(payload.get("strong_match_corroborated").asBoolean());
        JsonNode hit = payload.get("verified_sanctions_hits").get(0);
        assertEquals("1001", hit.get("entity_id").asText());
        assertEquals("ofac_sdn", hit.get("list").asText());
        assertEquals("KARIMOV, Rustam Aliyevich", hit.get("full_name").asText());
        assertEquals("SDGT", hit.get("programs").get(0).asText());
        assertEquals("STRONG_MATCH", hit.at("/profile_review/match_rating/match").asText());
        assertTrue(hit.at("/profile_review/match_rating/explanation").asText().contains("date of birth: corroborates"));
        assertTrue(hit.get("dob_corroborated").asBoolean());
        assertTrue(verdict.answer().startsWith("Strong sanctions match: ofac_sdn entry 1001"), verdict.answer());
        assertTrue(verdict.explanation().contains("ofac_sdn version 2026-03-01"), verdict.explanation());
    }

    @Test
    void strongNameMatchWithoutBirthDateFailsButIsNotCorroborated() throws Exception {
        SanctionsScreeningCheck check = new SanctionsScreeningCheck(lists, WEEK, MARCH_5);

        CheckVerdict verdict = check.run(task(AGENT_ARGS, person("Rustam", "Aliyevich", "Karimov", null, null)));

        assertFalse(verdict.passed());
        assertEquals("STRONG_MATCH", verdict.payload().at("/verified_sanctions_hits/0/profile_review/match_rating/match").asText());
        assertFalse(verdict.payload().get("strong_match_corroborated").asBoolean());
    }

    @Test
    void partialMatchAsksForReview() throws Exception {
        SanctionsScreeningCheck check = new SanctionsScreeningCheck(lists, WEEK, MARCH_5);

        CheckVerdict verdict = check.run(task(AGENT_ARGS, person("Rustam", null, "Karimow", null, null)));

        JsonNode hit = verdict.payload().at("/verified_sanctions_hits/0");
        assertEquals("PARTIAL_MATCH", hit.at("/profile_review/match_rating/match").asText());
        assertFalse(verdict.passed(), "a partial match asks for review");
        assertFalse(verdict.payload().get("strong_match_corroborated").asBoolean());
        assertTrue(verdict.answer().startsWith("Possible sanctions match, to review"), verdict.answer());
    }

    @Test
    void agentThresholdsOverrideTheDefaults() throws Exception {
        SanctionsScreeningCheck check = new SanctionsScreeningCheck(lists, WEEK, MARCH_5);
        JsonNode lenient = Json.mapper().createObjectNode()
                .put("strong_match_threshold", 0.80).put("partial_match_threshold", 0.70);

        CheckVerdict verdict = check.run(task(lenient, person("Rustam", null, "Karimow", null, null)));

        JsonNode rating = verdict.payload().at("/verified_sanctions_hits/0/profile_review/match_rating");
        assertEquals("STRONG_MATCH", rating.get("match").asText());
        assertTrue(rating.get("explanation").asText().endsWith("STRONG_MATCH"), rating.toString());
    }

    @Test
    void invalidThresholdsAreRefused() {
        SanctionsScreeningCheck check = new SanctionsScreeningCheck(lists, WEEK, MARCH_5);
        JsonNode inverted = Json.mapper().createObjectNode()
                .put("strong_match_threshold", 0.7).put("partial_match_threshold", 0.9);

        CheckUnavailableException e = assertThrows(CheckUnavailableException.class,
                () -> check.run(task(inverted, person("Rustam", null, "Karimov", null, null))));
        assertEquals("invalid_arguments", e.code());
    }

    @Test
    void cleanPersonPassesWithTheListsScreenedInThePayload() throws Exception {
        SanctionsScreeningCheck check = new SanctionsScreeningCheck(lists, WEEK, MARCH_5);

        CheckVerdict verdict = check.run(task(AGENT_ARGS, person("Margaret", null, "Ellison", "1985-02-11", "GB")));

        assertTrue(verdict.passed());
        JsonNode payload = verdict.payload();
        assertTrue(payload.get("passed").asBoolean());
        assertFalse(payload.get("strong_match_corroborated").asBoolean());
        assertEquals(0, payload.get("verified_sanctions_hits").size());
        assertEquals(2, payload.get("lists").size());
        JsonNode sdn = payload.get("lists").get(0);
        assertEquals("ofac_sdn", sdn.get("list").asText());
        assertEquals(3, sdn.get("record_count").asInt());
        assertEquals(64, sdn.get("sha256").asText().length());
        assertEquals("un", payload.get("lists").get(1).get("list").asText());
        assertEquals(2, verdict.evidence().size());
        assertEquals("No sanctions match on ofac_sdn, un.", verdict.answer());
    }

    @Test
    void personIsNotMatchedAgainstAVessel() throws Exception {
        SanctionsScreeningCheck check = new SanctionsScreeningCheck(lists, WEEK, MARCH_5);

        CheckVerdict verdict = check.run(task(AGENT_ARGS, person("Sea", null, "Falcon", null, null)));

        assertTrue(verdict.passed());
    }

    @Test
    void noListsLoadedIsAnErrorNeverAPass() {
        SanctionsScreeningCheck check = new SanctionsScreeningCheck(new ListRegistry(), WEEK, MARCH_5);

        // It takes the task, to answer error now rather than leave the job waiting for its deadline.
        assertTrue(check.ready());
        CheckUnavailableException e = assertThrows(CheckUnavailableException.class,
                () -> check.run(task(AGENT_ARGS, person("Margaret", null, "Ellison", null, null))));
        assertEquals("lists_unavailable", e.code());
        assertEquals("lists_unavailable", check.unavailability().orElseThrow().code());
    }

    @Test
    void whileTheFirstListsDownloadTasksWaitThenFailFastIfNoneArrived() {
        java.util.concurrent.atomic.AtomicBoolean downloading = new java.util.concurrent.atomic.AtomicBoolean(true);
        SanctionsScreeningCheck check = new SanctionsScreeningCheck(new ListRegistry(), WEEK, MARCH_5, downloading::get);

        assertFalse(check.ready(), "no task is taken while the first download runs");
        assertEquals("lists_pending", check.unavailability().orElseThrow().code());
        downloading.set(false);
        assertTrue(check.ready());
        assertEquals("lists_unavailable", check.unavailability().orElseThrow().code());
    }

    @Test
    void listsOlderThanTheMaximumAgeAreAnError() {
        Clock april = Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC);
        SanctionsScreeningCheck check = new SanctionsScreeningCheck(lists, WEEK, april);

        assertTrue(check.ready());
        CheckUnavailableException e = assertThrows(CheckUnavailableException.class,
                () -> check.run(task(AGENT_ARGS, person("Margaret", null, "Ellison", null, null))));
        assertEquals("lists_stale", e.code());
        assertTrue(e.getMessage().contains("ofac_sdn"), e.getMessage());
    }

    @Test
    void zeroMaximumAgeTurnsTheAgeRuleOff() throws Exception {
        Clock later = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        SanctionsScreeningCheck check = new SanctionsScreeningCheck(lists, Duration.ZERO, later);

        assertTrue(check.run(task(AGENT_ARGS, person("Margaret", null, "Ellison", null, null))).passed());
        assertTrue(check.unavailability().isEmpty());
    }

    @Test
    void subjectWithoutANameIsAnError() {
        SanctionsScreeningCheck check = new SanctionsScreeningCheck(lists, WEEK, MARCH_5);

        CheckUnavailableException e = assertThrows(CheckUnavailableException.class,
                () -> check.run(task(AGENT_ARGS, person(null, null, " ", "1980-01-01", null))));
        assertEquals("no_name", e.code());
    }

    static ObjectNode person(String first, String middle, String last, String dateOfBirth, String nationality) {
        ObjectNode subject = Json.mapper().createObjectNode().put("id", "subject-1");
        ObjectNode data = subject.putObject("self_attested_data");
        data.put("first_name", first).put("middle_name", middle).put("last_name", last)
                .put("date_of_birth", dateOfBirth).put("country_of_nationality", nationality);
        return subject;
    }

    static CheckTask task(JsonNode args, JsonNode subject) {
        return new CheckTask(CheckTask.SCHEMA_VERSION, "default", "job-1", "public-kyc",
                "kyc.sanctions_screening_check_v2", "cmd-1", 1, Instant.parse("2026-03-05T10:10:00Z"), args, subject, null);
    }
}
