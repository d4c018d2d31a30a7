package io.kycflow.workers.checks.jurisdiction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.command.CheckTask;
import io.kycflow.common.job.RiskRating;
import io.kycflow.common.json.Json;
import io.kycflow.workers.check.CheckUnavailableException;
import io.kycflow.workers.check.CheckVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jurisdiction check on kyc_schemas as clients send them, against the bundled data file and a replacement. */
class HighRiskJurisdictionCheckTest {

    private final HighRiskJurisdictionCheck check = new HighRiskJurisdictionCheck(JurisdictionData.bundled());

    @Test
    void theBundledFileIsDatedSourcedAndHoldsTheFatfListsAndComprehensiveSanctions() {
        JurisdictionData data = JurisdictionData.bundled();
        assertEquals(LocalDate.parse("2025-10-24"), data.asOf());
        JurisdictionList callForAction = list(data, "fatf_call_for_action");
        assertEquals(java.util.Set.of("KP", "IR", "MM"), callForAction.countries());
        assertEquals(RiskRating.HIGH, callForAction.risk());
        assertTrue(callForAction.sourceUrl().startsWith("https://www.fatf-gafi.org/"), callForAction.sourceUrl());
        JurisdictionList greyList = list(data, "fatf_increased_monitoring");
        assertEquals(RiskRating.MEDIUM, greyList.risk());
        assertTrue(greyList.countries().containsAll(List.of("SY", "VE", "YE", "VN", "MC")));
        assertFalse(greyList.countries().contains("ZA"), "South Africa left the list in October 2025");
        JurisdictionList sanctions = list(data, "comprehensive_sanctions");
        assertTrue(sanctions.countries().containsAll(List.of("CU", "IR", "KP")));
        assertEquals(List.of("UA-43", "UA-40", "UA-14", "UA-09"),
                sanctions.regions().stream().map(JurisdictionList.Region::code).toList());
    }

    @Test
    void aPersonWithNoListedCountryIsLowRiskAndPasses() throws Exception {
        CheckVerdict verdict = check.run(task(person("GB", "FR", address("Paris", null, "FR"))));
        assertTrue(verdict.passed());
        assertEquals("low", verdict.payload().get("risk_level").asText());
        assertEquals(0, verdict.payload().get("findings").size());
        assertEquals(3, verdict.payload().get("places_checked").size());
        assertEquals("2025-10-24", verdict.payload().at("/data/as_of").asText());
        assertEquals("jurisdiction_data", verdict.evidence().get(0).get("kind").asText());
    }

    @Test
    void aGreyListedResidenceIsMediumRiskAndPassesUnlessTheAgentFailsOnMedium() throws Exception {
        ObjectNode subject = person("GB", "KE", null);
        CheckVerdict verdict = check.run(task(subject));
        assertTrue(verdict.passed());
        assertEquals("medium", verdict.payload().get("risk_level").asText());
        JsonNode finding = verdict.payload().at("/findings/0");
        assertEquals("country_of_residence", finding.get("field").asText());
        assertEquals("KE", finding.get("country_code").asText());
        assertEquals("fatf_increased_monitoring", finding.get("list").asText());
        assertTrue(verdict.answer().startsWith("Jurisdiction under increased monitoring: KE"), verdict.answer());

        CheckVerdict strict = check.run(task(subject, Json.mapper().createObjectNode().put("fail_on_risk", "medium")));
        assertFalse(strict.passed());
        CheckUnavailableException bad = assertThrows(CheckUnavailableException.class,
                () -> check.run(task(subject, Json.mapper().createObjectNode().put("fail_on_risk", "low"))));
        assertEquals("invalid_arguments", bad.code());
    }

    @Test
    void aCallForActionNationalityIsHighRiskOnTwoListsAndFails() throws Exception {
        CheckVerdict verdict = check.run(task(person("IR", "DE", address("Berlin", null, "DE"))));
        assertFalse(verdict.passed());
        assertEquals("high", verdict.payload().get("risk_level").asText());
        List<String> lists = verdict.payload().findValuesAsText("list");
        assertEquals(List.of("fatf_call_for_action", "comprehensive_sanctions"), lists);
        assertTrue(verdict.explanation().contains("country of nationality IR is on FATF High-Risk Jurisdictions"),
                verdict.explanation());
    }

    @Test
    void anAddressInOccupiedCrimeaIsASanctionedRegionWhicheverCountryItIsWrittenUnder() throws Exception {
        for (String country : List.of("UA", "RU")) {
            CheckVerdict verdict = check.run(task(person("GB", "GB", address("Simferopol", "Republic of Crimea", country))));
            assertFalse(verdict.passed(), country);
            JsonNode finding = verdict.payload().at("/findings/0");
            assertEquals("address", finding.get("field").asText());
            assertEquals("UA-43", finding.get("region_code").asText());
            assertEquals("comprehensive_sanctions", finding.get("list").asText());
        }
        ObjectNode subject = person("GB", "GB", null);
        ((ObjectNode) subject.get("self_attested_data")).putArray("associated_addresses").add(address("Sevastopol", null, "UA"));
        CheckVerdict sevastopol = check.run(task(subject));
        assertEquals("associated_addresses[0]", sevastopol.payload().at("/findings/0/field").asText());
        // Kyiv is in Ukraine but not in a sanctioned region; a "Crimea Road" in London is not Crimea.
        assertTrue(check.run(task(person("UA", "UA", address("Kyiv", "Kyiv City", "UA")))).passed());
        assertTrue(check.run(task(person("GB", "GB", address("London", "Crimea Road", "GB")))).passed());
    }

    @Test
    void nothingToCheckIsAnErrorNotAPass() {
        ObjectNode subject = Json.mapper().createObjectNode().put("id", "c1");
        subject.putObject("self_attested_data").put("first_name", "Ana").put("last_name", "Silva");
        CheckUnavailableException e = assertThrows(CheckUnavailableException.class, () -> check.run(task(subject)));
        assertEquals("no_countries", e.code());
    }

    @Test
    void aReplacementFileNamedByTheEnvironmentIsUsedAndAMalformedOneRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jurisdictions.json");
        Files.writeString(file, """
                {"as_of": "2026-11-01", "lists": [
                  {"id": "house_list", "name": "Our own high-risk list", "published": "2026-11-01",
                   "source_url": "https://compliance.example.com/list", "risk": "high",
                   "countries": [{"code": "fr", "name": "France"}]}]}""");
        JurisdictionData data = JurisdictionData.fromEnvironment(Map.of(JurisdictionData.FILE_VARIABLE, file.toString()));
        assertEquals(LocalDate.parse("2026-11-01"), data.asOf());
        CheckVerdict verdict = new HighRiskJurisdictionCheck(data).run(task(person("GB", "FR", null)));
        assertEquals("high", verdict.payload().get("risk_level").asText());
        assertEquals(file.toString(), verdict.payload().at("/data/source").asText());
        assertTrue(check.run(task(person("GB", "FR", null))).passed(), "the bundled data does not list France");

        Files.writeString(file, """
                {"as_of": "2026-11-01", "lists": [{"id": "x", "name": "X", "published": "2026-11-01",
                 "source_url": "https://x.example", "risk": "severe", "countries": [{"code": "FR"}]}]}""");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JurisdictionData.load(file));
        assertTrue(e.getMessage().contains("list x") && e.getMessage().contains("severe"), e.getMessage());
        Files.writeString(file, """
                {"as_of": "2026-11-01", "lists": [{"id": "x", "name": "X", "published": "2026-11-01",
                 "source_url": "https://x.example", "risk": "high", "countries": [{"code": "ZZ"}]}]}""");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JurisdictionData.load(file)).getMessage()
                .contains("'ZZ' is not an ISO 3166-1 alpha-2 country code"));
        Files.writeString(file, "{\"lists\": []}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JurisdictionData.load(file)).getMessage()
                .contains("as_of"));
    }

    private static JurisdictionList list(JurisdictionData data, String id) {
        return data.lists().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private static ObjectNode person(String nationality, String residence, JsonNode address) {
        ObjectNode subject = Json.mapper().createObjectNode().put("id", "case-1");
        ObjectNode data = subject.putObject("self_attested_data").put("first_name", "Ana").put("last_name", "Silva")
                .put("country_of_nationality", nationality).put("country_of_residence", residence);
        if (address != null) {
            data.set("address", address);
        }
        return subject;
    }

    private static ObjectNode address(String city, String state, String country) {
        ObjectNode a = Json.mapper().createObjectNode().put("street_1", "1 Main Street").put("city", city)
                .put("country_code", country);
        if (state != null) {
            a.put("state", state);
        }
        return a;
    }

    private static CheckTask task(JsonNode subject) {
        return task(subject, Json.mapper().createObjectNode());
    }

    private static CheckTask task(JsonNode subject, JsonNode args) {
        return new CheckTask(CheckTask.SCHEMA_VERSION, "default", "job-1", "public-kyc",
                "kyc.high_risk_jurisdiction_check", "cmd-1", 1, Instant.parse("2026-06-01T09:10:00Z"), args, subject, null);
    }
}
