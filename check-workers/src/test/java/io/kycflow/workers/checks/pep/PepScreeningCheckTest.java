package io.kycflow.workers.checks.pep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.agent.AgentDefinition;
import io.kycflow.common.agent.RecommendationPolicy;
import io.kycflow.common.command.CheckTask;
import io.kycflow.common.json.Json;
import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.CheckStatus;
import io.kycflow.common.job.Recommendation;
import io.kycflow.screening.load.ListPurpose;
import io.kycflow.screening.load.ListRegistry;
import io.kycflow.workers.check.CheckUnavailableException;
import io.kycflow.workers.check.CheckVerdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check on fixture lists written for it (fictional people): a congress-legislators YAML and an FtM dataset
 * "peps" with a PEP, a relative and a sanctioned-only person. Today is 2026-03-05.
 */
class PepScreeningCheckTest {

    private static final Clock MARCH_5 = Clock.fixed(Instant.parse("2026-03-05T10:00:00Z"), ZoneOffset.UTC);
    private static final Duration NO_MAX_AGE = Duration.ZERO;
    private static final ObjectNode ARGS = Json.mapper().createObjectNode()
            .put("strong_match_threshold", 0.90).put("partial_match_threshold", 0.80);

    private static ListRegistry lists;

    @BeforeAll
    static void load() throws Exception {
        lists = new ListRegistry(ListPurpose.PEP);
        lists.refresh(Path.of(Objects.requireNonNull(PepScreeningCheckTest.class.getResource("/pep/lists")).toURI()));
    }

    @Test
    void aSittingSenatorIsAStrongActiveDomesticPepAndTheCheckStillPasses() throws Exception {
        CheckVerdict verdict = check().run(task(ARGS, person("Harriet", "Vandermolen", "1961-04-12", "US")));

        assertTrue(verdict.passed(), "a PEP is not a failure");
        JsonNode payload = verdict.payload();
        assertEquals("PEPScreeningCheckResult", payload.get("type").asText());
        assertTrue(payload.get("passed").asBoolean());
        assertEquals("STRONG_MATCH", payload.get("pep_match").asText());
        JsonNode hit = payload.at("/verified_pep_hits/0");
        assertEquals("X000001", hit.get("entity_id").asText());
        assertEquals("us_congress", hit.get("list").asText());
        assertEquals("Harriet Q. Vandermolen", hit.get("full_name").asText());
        assertEquals("United States Senator for OR", hit.get("pep_title").asText());
        assertEquals("Domestic PEP", hit.get("pep_type").asText());
        assertEquals("Active", hit.get("pep_status").asText());
        assertEquals(2, hit.get("roles").size(), "the House term, then the two Senate terms as one role");
        assertEquals("2019-01-03", hit.at("/roles/1/start_date").asText());
        assertEquals("2031-01-03", hit.at("/roles/1/end_date").asText());
        assertEquals("US", hit.at("/roles/1/country").asText());
        assertEquals("STRONG_MATCH", hit.at("/profile_review/match_rating/match").asText());
        assertTrue(hit.at("/profile_review/match_rating/explanation").asText().contains("in office"));
        assertTrue(hit.get("dob_corroborated").asBoolean());
        assertTrue(verdict.answer().startsWith("Politically exposed person: us_congress entry X000001"), verdict.answer());
        JsonNode list = payload.get("lists").get(0);
        assertTrue(List.of("ftm:peps", "us_congress").contains(list.get("list").asText()));
        assertEquals(64, list.get("sha256").asText().length());
        assertFalse(verdict.evidence().isEmpty());
        assertEquals("pep_list", verdict.evidence().get(0).get("kind").asText());
    }

    @Test
    void someoneWhoLeftOfficeMoreThanTheAgentsPeriodAgoIsNoLongerAPepUnlessTheRuleIsForLife() throws Exception {
        JsonNode subject = person("Desmond", "Achterberg", "1950-02-02", "US");

        CheckVerdict byDefault = check().run(task(ARGS, subject));

        JsonNode hit = byDefault.payload().at("/verified_pep_hits/0");
        assertEquals("Inactive", hit.get("pep_status").asText());
        assertEquals("2025-01-03", hit.get("left_office_on").asText());
        assertFalse(hit.get("still_pep").asBoolean());
        assertEquals("NO_MATCH", byDefault.payload().get("pep_match").asText(), "14 months out of office, past 12");
        assertTrue(byDefault.answer().startsWith("No current PEP"), byDefault.answer());

        ObjectNode forLife = ARGS.deepCopy().put("pep_period_after_office", "for_life");
        CheckVerdict lifelong = check().run(task(forLife, subject));
        assertEquals("STRONG_MATCH", lifelong.payload().get("pep_match").asText());
        assertTrue(lifelong.payload().at("/verified_pep_hits/0/still_pep").asBoolean());

        ObjectNode twoYears = ARGS.deepCopy().put("pep_period_after_office", 24);
        assertEquals("STRONG_MATCH", check().run(task(twoYears, subject)).payload().get("pep_match").asText());
    }

    @Test
    void someoneWhoLeftOfficeWithinThePeriodIsAnInactivePepStill() throws Exception {
        CheckVerdict verdict = check().run(task(ARGS, person("Roz", "Okonkwo-Bright", "1972-09-30", "US")));

        JsonNode hit = verdict.payload().at("/verified_pep_hits/0");
        assertEquals("X000003", hit.get("entity_id").asText());
        assertEquals("Inactive", hit.get("pep_status").asText());
        assertTrue(hit.get("still_pep").asBoolean(), "left 2025-11-01, four months ago");
        assertEquals("STRONG_MATCH", verdict.payload().get("pep_match").asText());
    }

    @Test
    void anFtmPepAbroadIsAForeignPepOfUnknownStatusFoundThroughHerCyrillicNameToo() throws Exception {
        CheckVerdict verdict = check().run(task(ARGS, person("Lucía", "Fernández Orbegozo", "1968-07-09", "GB")));

        JsonNode hit = verdict.payload().at("/verified_pep_hits/0");
        assertEquals("Q100", hit.get("entity_id").asText());
        assertEquals("ftm:peps", hit.get("list").asText());
        assertEquals("Foreign PEP", hit.get("pep_type").asText());
        assertTrue(hit.get("pep_status").isNull(), "FtM positions carry no dates");
        assertEquals("Minister of Economy and Finance of Peru", hit.get("pep_title").asText());
        assertEquals("STRONG_MATCH", verdict.payload().get("pep_match").asText());

        JsonNode cyrillic = check().run(task(ARGS, person("Лусия", "Фернандес Орбегосо", null, null))).payload();
        assertEquals("Q100", cyrillic.at("/verified_pep_hits/0/entity_id").asText());
    }

    @Test
    void aRelativeIsReportedAsSuchAndASanctionedOnlyPersonIsNoPepHit() throws Exception {
        JsonNode relative = check().run(task(ARGS, person("Mateo", "Fernández Orbegozo", "1995-03-01", "PE"))).payload();
        assertEquals("Q101", relative.at("/verified_pep_hits/0/entity_id").asText());
        assertEquals("Relative or close associate of a PEP", relative.at("/verified_pep_hits/0/pep_type").asText());

        CheckVerdict sanctioned = check().run(task(ARGS, person("Ignatius", "Sanctionedonly", null, null)));
        assertEquals(0, sanctioned.payload().get("verified_pep_hits").size(), sanctioned.payload().toString());
        assertEquals("NO_MATCH", sanctioned.payload().get("pep_match").asText());
        assertTrue(sanctioned.passed());
    }

    @Test
    void theVendorsPotentialHitsAreEachAdjudicatedAgainstTheSubject() throws Exception {
        ObjectNode subject = (ObjectNode) person("Amelia", "Hartley", "1990-04-01", "GB");
        ArrayNode potential = subject.putObject("pep_screening_check").putObject("vendor_data").putArray("potential_pep_hits");
        potential.addObject().put("full_name", "Amelia Hartley").put("date_of_birth", "1990-04-01")
                .put("pep_title", "Member of Parliament").put("pep_status", "Active")
                .set("roles", Json.mapper().createArrayNode().add(Json.mapper().createObjectNode()
                        .put("name", "Member of Parliament for Bath").put("country", "GB")
                        .put("start_date", "2024-07-04").putNull("end_date")));
        potential.addObject().put("full_name", "Amelia Hartley").put("date_of_birth", "1931-02-11")
                .set("associated_countries", Json.mapper().createArrayNode().add("AU"));
        potential.addObject().put("full_name", "Bartholomew Quince").put("date_of_birth", "1990-04-01");

        CheckVerdict verdict = check().run(task(ARGS, subject));

        JsonNode payload = verdict.payload();
        JsonNode adjudicated = payload.get("vendor_hits_adjudicated");
        assertEquals(3, adjudicated.size());
        assertEquals("STRONG_MATCH", adjudicated.at("/0/profile_review/match_rating/match").asText());
        assertTrue(adjudicated.at("/0/profile_review/match_rating/explanation").asText().contains("date of birth: corroborates"));
        String older = adjudicated.at("/1/profile_review/match_rating/match").asText();
        assertTrue(List.of("PARTIAL_MATCH", "WEAK_MATCH", "NO_MATCH").contains(older), "same name, born 59 years earlier: " + older);
        assertEquals("NO_MATCH", adjudicated.at("/2/profile_review/match_rating/match").asText());
        assertTrue(adjudicated.at("/2/profile_review/match_rating/explanation").asText().contains("not the subject"));

        JsonNode hit = payload.at("/verified_pep_hits/0");
        assertEquals("vendor", hit.get("source").asText());
        assertEquals("Member of Parliament for Bath", hit.get("pep_title").asText());
        assertEquals("Active", hit.get("pep_status").asText());
        assertEquals("Domestic PEP", hit.get("pep_type").asText());
        assertEquals("STRONG_MATCH", payload.get("pep_match").asText());
    }

    @Test
    void aCleanPersonHasNoHitAndTheListsAreNamed() throws Exception {
        CheckVerdict verdict = check().run(task(ARGS, person("Amelia", "Hartley", "1990-04-01", "GB")));

        assertTrue(verdict.passed());
        assertEquals(0, verdict.payload().get("verified_pep_hits").size());
        assertEquals("NO_MATCH", verdict.payload().get("pep_match").asText());
        assertEquals(2, verdict.payload().get("lists").size());
        assertTrue(verdict.answer().startsWith("No PEP match on ftm:peps, us_congress"), verdict.answer());
        assertTrue(verdict.explanation().contains("A person stays a PEP 12 months after leaving office"), verdict.explanation());
    }

    @Test
    void withoutListsOrWithABadPeriodTheCheckAnswersError() {
        PepScreeningCheck empty = new PepScreeningCheck(new ListRegistry(ListPurpose.PEP), NO_MAX_AGE, MARCH_5);
        assertTrue(empty.ready(), "with no list and none on its way, a task is answered at once");
        CheckUnavailableException none = assertThrows(CheckUnavailableException.class,
                () -> empty.run(task(ARGS, person("Amelia", "Hartley", null, null))));
        assertEquals("lists_unavailable", none.code());

        for (JsonNode bad : List.of(Json.mapper().getNodeFactory().textNode("forever"),
                Json.mapper().getNodeFactory().numberNode(-1), Json.mapper().getNodeFactory().numberNode(1.5))) {
            ObjectNode args = ARGS.deepCopy();
            args.set("pep_period_after_office", bad);
            CheckUnavailableException e = assertThrows(CheckUnavailableException.class,
                    () -> check().run(task(args, person("Amelia", "Hartley", null, null))));
            assertEquals("invalid_arguments", e.code(), bad.toString());
        }
        assertThrows(IllegalArgumentException.class,
                () -> new PepScreeningCheck(new ListRegistry(ListPurpose.SANCTIONS), NO_MAX_AGE, MARCH_5));
    }

    @Test
    void publicKycReviewsAStrongOrPartialPepAndApprovesAFormerOne() throws Exception {
        AgentDefinition agent = AgentCatalog.bundled().find("public-kyc").orElseThrow();
        assertTrue(agent.checks().stream().anyMatch(c -> c.id().equals("kyc.pep_screening_check_v2")));

        assertEquals(Recommendation.REVIEW, decide(agent, person("Harriet", "Vandermolen", "1961-04-12", "US")));
        assertEquals(Recommendation.APPROVE, decide(agent, person("Desmond", "Achterberg", "1950-02-02", "US")));
        assertEquals(Recommendation.APPROVE, decide(agent, person("Amelia", "Hartley", "1990-04-01", "GB")));
    }

    private static Recommendation decide(AgentDefinition agent, JsonNode subject) throws Exception {
        JsonNode args = agent.checks().stream().filter(c -> c.id().equals("kyc.pep_screening_check_v2")).findFirst()
                .orElseThrow().args();
        CheckVerdict verdict = check().run(task(args, subject));
        List<CheckResult> results = new ArrayList<>();
        results.add(new CheckResult(CheckResult.SCHEMA_VERSION, "default", "job-1", "public-kyc",
                "kyc.pep_screening_check_v2", "cmd-1", "PEP screening", 1, CheckStatus.COMPLETE, verdict.passed(),
                verdict.answer(), verdict.explanation(), verdict.payload(), verdict.evidence(), null, null, null, null));
        return RecommendationPolicy.decide(agent.decisionRules(), results);
    }

    private static PepScreeningCheck check() {
        return new PepScreeningCheck(lists, NO_MAX_AGE, MARCH_5);
    }

    static JsonNode person(String first, String last, String dob, String nationality) {
        ObjectNode data = Json.mapper().createObjectNode().put("first_name", first).put("last_name", last);
        if (dob != null) {
            data.put("date_of_birth", dob);
        }
        if (nationality != null) {
            data.put("country_of_nationality", nationality);
        }
        ObjectNode subject = Json.mapper().createObjectNode().put("id", "case-1");
        subject.set("self_attested_data", data);
        return subject;
    }

    private static CheckTask task(JsonNode args, JsonNode subject) {
        return new CheckTask(CheckTask.SCHEMA_VERSION, "default", "job-1", "public-kyc",
                "kyc.pep_screening_check_v2", "cmd-1", 1, Instant.parse("2026-03-05T10:10:00Z"), args, subject, null);
    }
}
