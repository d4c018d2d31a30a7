package io.kycflow.workers.checks.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.command.CheckTask;
import io.kycflow.common.json.Json;
import io.kycflow.workers.check.CheckUnavailableException;
import io.kycflow.workers.check.CheckVerdict;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adverse-media check on a whole kyc_schema with vendor data in the reference API's shape
 * ({@code media/vendor-case.json}: four profiles for one person, invented for the test), run as a worker runs it.
 */
class AdverseMediaScreeningCheckTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T09:00:00Z"), ZoneOffset.UTC);
    private final AdverseMediaScreeningCheck check = new AdverseMediaScreeningCheck(CLOCK);

    @Test
    void eachProfileIsMatchedClassifiedAndRated() throws Exception {
        CheckVerdict verdict = check.run(task(args(), vendorCase()));
        JsonNode payload = verdict.payload();
        assertEquals("KYCAdverseMediaScreeningCheckResult", payload.get("type").asText());
        assertEquals(4, payload.get("profiles_reviewed").asInt());

        JsonNode strong = hit(payload, "am-1");
        assertEquals("STRONG_MATCH", strong.at("/profile_review/match_rating/match").asText(), strong.toString());
        assertEquals("corroborates", strong.at("/profile_review/date_of_birth_match/effect").asText());
        assertEquals("corroborates", strong.at("/profile_review/location_match/effect").asText());
        JsonNode charged = strong.at("/adverse_events/0");
        assertEquals(List.of("fraud", "money_laundering"), texts(charged.get("categories")));
        assertEquals("accused", charged.get("person_role").asText());
        assertTrue(charged.get("serious").asBoolean());
        assertEquals("https://news.example.co.uk/2024/05/freight-boss-charged", charged.get("source_url").asText());
        assertEquals("Yorkshire Ledger", charged.get("source_name").asText());
        assertEquals("2024-05-14", charged.get("publication_date").asText());
        JsonNode inCourt = strong.at("/adverse_events/1");
        assertEquals("profile", inCourt.get("classified_from").asText(), "the headline names no kind: the profile's topics do");
        assertEquals(List.of("fraud"), texts(inCourt.get("categories")));
        assertEquals("accused", inCourt.get("person_role").asText(), "the role read from the profile's summary");
        assertTrue(strong.get("escalate_for_review").asBoolean());

        JsonNode namesake = hit(payload, "am-2");
        assertEquals("WEAK_MATCH", namesake.at("/profile_review/match_rating/match").asText(), namesake.toString());
        assertEquals("contradicts", namesake.at("/profile_review/date_of_birth_match/effect").asText());
        assertEquals("corruption", namesake.at("/adverse_events/0/event_type").asText());
        assertEquals("convicted", namesake.at("/adverse_events/0/person_role").asText());
        assertFalse(namesake.get("escalate_for_review").asBoolean(), "born 24 years apart: another man of that name");

        JsonNode victim = hit(payload, "am-4");
        assertEquals("STRONG_MATCH", victim.at("/profile_review/match_rating/match").asText(), victim.toString());
        assertEquals("corroborates", victim.at("/profile_review/date_of_birth_match/effect").asText(), "age 51 vs 50");
        assertEquals("victim", victim.at("/adverse_events/0/person_role").asText());
        assertFalse(victim.at("/adverse_events/0/adverse").asBoolean());
        assertFalse(victim.get("escalate_for_review").asBoolean(), "the person was defrauded, not a fraudster");

        assertEquals("am-3", payload.at("/dismissed_profiles/0/profile_id").asText(), payload.toString());
        assertEquals(3, payload.get("verified_adverse_media_hits").size());
        assertEquals("am-1", payload.at("/verified_adverse_media_hits/0/profile_id").asText(), "strongest first");

        assertFalse(verdict.passed());
        assertTrue(payload.get("strong_match_serious_adverse_media").asBoolean());
        assertTrue(verdict.answer().startsWith("Strong adverse-media match with serious media: profile am-1"), verdict.answer());
        assertTrue(verdict.explanation().contains("am-3 (name"), verdict.explanation());
        assertEquals("VC-2026-0042", payload.at("/source/vendor_case_id").asText());
        assertEquals("adverse_media_source", verdict.evidence().get(0).get("kind").asText());
    }

    @Test
    void onlyTheNameWithoutDateOrCountryIsAPartialMatchToReview() throws Exception {
        ObjectNode schema = vendorCase();
        keepProfiles(schema, "am-1");
        ObjectNode profile = (ObjectNode) profiles(schema).get(0);
        profile.remove("date_of_birth");
        profile.remove("associated_countries");
        CheckVerdict verdict = check.run(task(args(), schema));
        assertEquals("PARTIAL_MATCH", verdict.payload().at("/verified_adverse_media_hits/0/profile_review/match_rating/match").asText());
        assertFalse(verdict.passed(), "a partial match with adverse media asks for review");
        assertFalse(verdict.payload().get("strong_match_serious_adverse_media").asBoolean());
        assertTrue(verdict.answer().startsWith("Possible adverse-media match, to review"), verdict.answer());
    }

    @Test
    void aVictimOrANamesakeAloneLetsTheCheckPass() throws Exception {
        ObjectNode schema = vendorCase();
        keepProfiles(schema, "am-2", "am-3", "am-4");
        CheckVerdict verdict = check.run(task(args(), schema));
        assertTrue(verdict.passed(), verdict.explanation());
        assertFalse(verdict.payload().get("strong_match_serious_adverse_media").asBoolean());
        assertTrue(verdict.answer().startsWith("No adverse media requiring action"), verdict.answer());
    }

    @Test
    void theAgentDecidesWhichKindsAreSerious() throws Exception {
        ObjectNode args = args();
        args.putArray("serious_categories").add("terrorist_financing");
        CheckVerdict verdict = check.run(task(args, vendorCase()));
        assertFalse(verdict.payload().get("strong_match_serious_adverse_media").asBoolean());
        assertFalse(verdict.passed(), "still a strong match with adverse media: reviewed");

        ObjectNode unknown = args();
        unknown.putArray("serious_categories").add("jaywalking");
        CheckUnavailableException e = assertThrows(CheckUnavailableException.class, () -> check.run(task(unknown, vendorCase())));
        assertEquals("invalid_arguments", e.code());
        ObjectNode inverted = args().put("strong_match_threshold", 0.5).put("partial_match_threshold", 0.9);
        assertEquals("invalid_arguments", assertThrows(CheckUnavailableException.class,
                () -> check.run(task(inverted, vendorCase()))).code());
    }

    @Test
    void anEmptyVendorResultPassesButNoVendorDataIsAnError() throws Exception {
        ObjectNode schema = vendorCase();
        keepProfiles(schema);
        CheckVerdict none = check.run(task(args(), schema));
        assertTrue(none.passed());
        assertEquals("The vendor found no adverse-media profile for the person.", none.answer());

        schema.remove("adverse_media_event_check");
        CheckUnavailableException e = assertThrows(CheckUnavailableException.class, () -> check.run(task(args(), schema)));
        assertEquals("no_vendor_data", e.code());
        assertFalse(e.getMessage().contains("Novak"), "error messages name no personal data");
    }

    @Test
    void namesAreComparedAsTheScreeningLibraryDoesAcrossScripts() throws Exception {
        ObjectNode schema = vendorCase();
        keepProfiles(schema, "am-1");
        ObjectNode profile = (ObjectNode) profiles(schema).get(0);
        profile.put("full_name", "Марек Новак");
        profile.remove("forename");
        profile.remove("surname");
        profile.remove("aliases");
        CheckVerdict verdict = check.run(task(args(), schema));
        assertEquals("STRONG_MATCH", verdict.payload().at("/verified_adverse_media_hits/0/profile_review/match_rating/match").asText(),
                verdict.payload().toString());
    }

    @Test
    void wordsAreReadAsWholeStemsNotInsideOtherWords() {
        assertEquals(List.of(), EventClassifier.categories("Court in Crimea hears a land dispute in Hackney"));
        assertEquals(List.of(AdverseMediaCategory.TERRORIST_FINANCING),
                EventClassifier.categories("Banker accused of financing terrorism"));
        assertEquals(List.of(AdverseMediaCategory.OTHER_CRIME), EventClassifier.categories("Man arrested after crimes in the city"));
        assertEquals(PersonRole.CONVICTED, PersonRole.readFrom("Novak was charged in 2023 and convicted in 2024"));
        assertEquals(PersonRole.WITNESS, PersonRole.readFrom("Novak testified at the trial"));
        assertEquals(PersonRole.MENTIONED, PersonRole.readFrom("Novak wanted to open a shop"));
    }

    static ObjectNode args() {
        return Json.mapper().createObjectNode().put("strong_match_threshold", 0.80).put("partial_match_threshold", 0.65);
    }

    static ObjectNode vendorCase() throws IOException {
        try (InputStream in = AdverseMediaScreeningCheckTest.class.getResourceAsStream("/media/vendor-case.json")) {
            return (ObjectNode) Json.mapper().readTree(in);
        }
    }

    private static ArrayNode profiles(ObjectNode schema) {
        return (ArrayNode) schema.at("/adverse_media_event_check/vendor_data/vendor_adverse_media_profiles");
    }

    private static void keepProfiles(ObjectNode schema, String... ids) {
        ArrayNode profiles = profiles(schema);
        List<String> keep = List.of(ids);
        for (int i = profiles.size() - 1; i >= 0; i--) {
            if (!keep.contains(profiles.get(i).get("id").asText())) {
                profiles.remove(i);
            }
        }
    }

    private static JsonNode hit(JsonNode payload, String id) {
        for (JsonNode h : payload.get("verified_adverse_media_hits")) {
            if (h.get("profile_id").asText().equals(id)) {
                return h;
            }
        }
        throw new AssertionError("no hit " + id + " in " + payload);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    static CheckTask task(JsonNode args, JsonNode subject) {
        return new CheckTask(CheckTask.SCHEMA_VERSION, "default", "job-1", "public-kyc",
                "kyc.adverse_media_screening_check_v2", "cmd-1", 1, Instant.parse("2026-06-01T09:10:00Z"), args, subject, null);
    }
}
