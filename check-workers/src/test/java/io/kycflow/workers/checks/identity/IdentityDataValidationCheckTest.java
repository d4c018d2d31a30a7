package io.kycflow.workers.checks.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.kycflow.common.command.CheckTask;
import io.kycflow.common.json.Json;
import io.kycflow.workers.check.CheckVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityDataValidationCheckTest {

    /** "Today" is 2026-11-26: the clean person, born 1990-05-17, is 36. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    private static final PostalCodeFormats FORMATS = PostalCodeFormats.bundled();
    private static final IdentityDataValidationCheck CHECK =
            new IdentityDataValidationCheck(CLOCK, PhoneNumberUtil.getInstance(), FORMATS);

    private static final String US_PHONE = "+1 650-253-0000";
    private static final String GB_PHONE = "+44 20 7031 3000";

    /** A person every rule accepts: 12 provided fields, one associated address in GB. */
    private static ObjectNode cleanSubject() {
        return (ObjectNode) Json.mapper().valueToTree(Map.of(
                "id", "subject-1",
                "self_attested_data", Map.ofEntries(
                        Map.entry("first_name", "Jane"),
                        Map.entry("middle_name", "Marie"),
                        Map.entry("last_name", "O'Connor-Smith"),
                        Map.entry("date_of_birth", "1990-05-17"),
                        Map.entry("email", "jane.oconnor+kyc@example.co.uk"),
                        Map.entry("phone", US_PHONE),
                        Map.entry("country_of_nationality", "US"),
                        Map.entry("country_of_residence", "US"),
                        Map.entry("address", Map.of("street_1", "1600 Amphitheatre Pkwy", "city", "Mountain View",
                                "state", "CA", "country_code", "US", "postal_code", "94043")),
                        Map.entry("associated_addresses", List.of(Map.of("street_1", "10 Downing St",
                                "city", "London", "country_code", "GB", "postal_code", "SW1A 2AA"))))));
    }

    private static CheckVerdict run(JsonNode subject) {
        return run(subject, Json.mapper().createObjectNode());
    }

    private static CheckVerdict run(JsonNode subject, JsonNode args) {
        CheckTask task = new CheckTask(CheckTask.SCHEMA_VERSION, "default", "job-1", "public-kyc",
                IdentityDataValidationCheck.ID, "instance-1", 1, Instant.parse("2026-11-26T11:00:00Z"), args, subject, null);
        return CHECK.run(task);
    }

    /** Sets (or, with null, removes) a value under self_attested_data at a slash path, in place: "address/postal_code". */
    private static ObjectNode with(ObjectNode subject, String path, String value) {
        ObjectNode node = (ObjectNode) subject.get("self_attested_data");
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            node = (ObjectNode) (next.isArray() ? next.get(Integer.parseInt(parts[++i])) : next);
        }
        if (value == null) {
            node.remove(parts[parts.length - 1]);
        } else {
            node.put(parts[parts.length - 1], value);
        }
        return subject;
    }

    private static Map<String, String> statuses(CheckVerdict verdict) {
        Map<String, String> statuses = new TreeMap<>();
        verdict.payload().get("fields").forEach(f -> statuses.put(f.get("field").asText(), f.get("status").asText()));
        return statuses;
    }

    private static Set<String> failedFields(CheckVerdict verdict) {
        Set<String> failed = new TreeSet<>();
        statuses(verdict).forEach((field, status) -> {
            if (status.equals("failed")) {
                failed.add(field);
            }
        });
        return failed;
    }

    private static JsonNode finding(CheckVerdict verdict, String field) {
        for (JsonNode f : verdict.payload().get("fields")) {
            if (f.get("field").asText().equals(field)) {
                return f;
            }
        }
        throw new AssertionError("no finding for " + field);
    }

    @Test
    void aCleanPersonPasses() {
        CheckVerdict verdict = run(cleanSubject());

        assertTrue(verdict.passed(), verdict.explanation());
        assertEquals(Set.of(), failedFields(verdict));
        assertEquals("All 12 provided identity fields are valid.", verdict.answer());
        assertTrue(verdict.evidence().isEmpty());
    }

    @Test
    void payloadHasTheDocumentedShape() {
        JsonNode payload = run(cleanSubject()).payload();

        assertEquals("KYCIdentityDataValidationCheckResult", payload.get("type").asText());
        assertEquals(18, payload.get("minimum_age").asInt());
        assertEquals(36, payload.get("age").asInt());
        assertTrue(payload.get("passed").asBoolean());
        List<String> fields = new ArrayList<>();
        payload.get("fields").forEach(f -> {
            fields.add(f.get("field").asText());
            assertTrue(Set.of("passed", "failed", "not_provided").contains(f.get("status").asText()));
            assertFalse(f.get("reason").asText().isBlank());
        });
        assertEquals(List.of("first_name", "middle_name", "last_name", "date_of_birth", "email", "phone",
                "country_of_nationality", "country_of_residence", "address.country_code",
                "associated_addresses[0].country_code", "address.postal_code",
                "associated_addresses[0].postal_code"), fields);
        assertEquals("country calling code +1, fixed line or mobile", finding(run(cleanSubject()), "phone")
                .get("value_summary").asText());
    }

    @Test
    void payloadAndExplanationDescribeValuesWithoutRepeatingThem() {
        CheckVerdict verdict = run(cleanSubject());
        String everything = Json.toString(verdict.payload()) + verdict.explanation();

        for (String personal : List.of("Jane", "Marie", "O'Connor", "1990-05-17", "jane.oconnor", "650", "253-0000",
                "94043", "SW1A", "Downing")) {
            assertFalse(everything.contains(personal), () -> "result repeats " + personal);
        }
    }

    @Test
    void absentOptionalFieldsAreNotProvided() {
        ObjectNode subject = (ObjectNode) Json.mapper().valueToTree(Map.of("id", "subject-2",
                "self_attested_data", Map.of("first_name", "Amélie", "last_name", "Dupont", "email", "  ")));

        CheckVerdict verdict = run(subject);

        assertTrue(verdict.passed(), verdict.explanation());
        assertEquals("All 2 provided identity fields are valid.", verdict.answer());
        Map<String, String> statuses = statuses(verdict);
        assertEquals("passed", statuses.get("first_name"));
        assertEquals("passed", statuses.get("last_name"));
        for (String optional : List.of("middle_name", "date_of_birth", "email", "phone", "country_of_nationality",
                "country_of_residence", "address.country_code", "address.postal_code")) {
            assertEquals("not_provided", statuses.get(optional), optional);
        }
        assertTrue(verdict.payload().get("age").isNull());
        assertTrue(verdict.explanation().contains("Not provided: middle_name"));
    }

    @Test
    void missingRequiredNamesFail() {
        CheckVerdict verdict = run(with(with(cleanSubject(), "first_name", null), "last_name", null));

        assertFalse(verdict.passed());
        assertEquals(Set.of("first_name", "last_name"), failedFields(verdict));
        assertTrue(finding(verdict, "last_name").get("reason").asText().contains("required"));
    }

    static Stream<Arguments> singleFieldFailures() {
        return Stream.of(
                Arguments.of("first_name", "J4ne", "first_name", "digits"),
                Arguments.of("first_name", "Test", "first_name", "placeholder"),
                Arguments.of("first_name", "n/a", "first_name", "placeholder"),
                Arguments.of("last_name", "XXX", "last_name", "placeholder"),
                Arguments.of("middle_name", "aaaa", "middle_name", "repeated"),
                Arguments.of("last_name", "Smith!", "last_name", "characters"),
                Arguments.of("email", "jane.example.com", "email", "'@'"),
                Arguments.of("email", "jane@localhost", "email", "no dot"),
                Arguments.of("email", "jane@exa_mple.com", "email", "malformed"),
                Arguments.of("email", "jane@-example.com", "email", "malformed"),
                Arguments.of("email", "jane@example..com", "email", "malformed"),
                Arguments.of("email", "jane..doe@example.com", "email", "local part"),
                Arguments.of("email", "jane@example.123", "email", "top-level"),
                Arguments.of("phone", "12345", "phone", "not a valid number for US"),
                Arguments.of("phone", "call me", "phone", "cannot be read"),
                Arguments.of("date_of_birth", "1990-02-30", "date_of_birth", "YYYY-MM-DD"),
                Arguments.of("date_of_birth", "17/05/1990", "date_of_birth", "YYYY-MM-DD"),
                Arguments.of("date_of_birth", "2027-01-01", "date_of_birth", "future"),
                Arguments.of("date_of_birth", "1890-01-01", "date_of_birth", "over 120"),
                Arguments.of("country_of_nationality", "UK", "country_of_nationality", "ISO 3166-1"),
                Arguments.of("country_of_residence", "USA", "country_of_residence", "ISO 3166-1"),
                Arguments.of("associated_addresses/0/country_code", "ZZ", "associated_addresses[0].country_code",
                        "ISO 3166-1"),
                Arguments.of("address/postal_code", "9404", "address.postal_code", "format of US"),
                Arguments.of("associated_addresses/0/postal_code", "SW1A 2A", "associated_addresses[0].postal_code",
                        "format of GB"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("singleFieldFailures")
    void eachRuleFailsOnItsOwn(String path, String value, String failedField, String reasonFragment) {
        CheckVerdict verdict = run(with(cleanSubject(), path, value));

        assertFalse(verdict.passed());
        // The associated address with an invalid country also loses its postal-code check: not "on its own".
        Set<String> expected = failedField.equals("associated_addresses[0].country_code")
                ? Set.of(failedField, "associated_addresses[0].postal_code")
                : Set.of(failedField);
        assertEquals(expected, failedFields(verdict));
        String reason = finding(verdict, failedField).get("reason").asText();
        assertTrue(reason.contains(reasonFragment), () -> "reason: " + reason);
        assertTrue(verdict.answer().startsWith(expected.size() + " of 12 identity fields failed: "), verdict.answer());
        assertTrue(verdict.explanation().contains("FAILED  " + failedField + ": "), verdict.explanation());
        assertFalse(verdict.explanation().contains(value), "the explanation repeats the failing value");
    }

    @Test
    void firstAndLastNameTogetherCanBeAPlaceholder() {
        CheckVerdict verdict = run(with(with(cleanSubject(), "first_name", "John"), "last_name", "Doe"));

        assertEquals(Set.of("first_name"), failedFields(verdict));
        assertEquals("1 of 12 identity fields failed: first_name.", verdict.answer());
    }

    @Test
    void ageBelowTheAgentsMinimumFails() {
        ObjectNode twentyYearsOld = with(cleanSubject(), "date_of_birth", "2006-01-15");
        ObjectNode minimum21 = Json.mapper().createObjectNode().put("minimum_age", 21);

        CheckVerdict underAge = run(twentyYearsOld, minimum21);
        assertFalse(underAge.passed());
        assertEquals(Set.of("date_of_birth"), failedFields(underAge));
        assertEquals(20, underAge.payload().get("age").asInt());
        assertEquals(21, underAge.payload().get("minimum_age").asInt());
        assertTrue(finding(underAge, "date_of_birth").get("reason").asText().contains("under the minimum age of 21"));

        assertTrue(run(twentyYearsOld).passed(), "20 is old enough under the default minimum of 18");
    }

    @Test
    void theBirthdayCountsFromThatDay() {
        ObjectNode minimum18 = Json.mapper().createObjectNode().put("minimum_age", 18);
        assertTrue(run(with(cleanSubject(), "date_of_birth", "2008-11-26"), minimum18).passed());
        assertFalse(run(with(cleanSubject(), "date_of_birth", "2008-11-27"), minimum18).passed());
    }

    @Test
    void aMalformedMinimumAgeIsAConfigurationError() {
        for (JsonNode args : List.of(Json.mapper().createObjectNode().put("minimum_age", "eighteen"),
                Json.mapper().createObjectNode().put("minimum_age", 18.5),
                Json.mapper().createObjectNode().put("minimum_age", -1))) {
            assertThrows(IllegalArgumentException.class, () -> run(cleanSubject(), args), args.toString());
        }
    }

    @Test
    void aPhoneIsJudgedForThePersonsCountry() {
        assertTrue(run(cleanSubject()).passed(), "a US number for a US resident");
        assertTrue(run(with(cleanSubject(), "phone", "(650) 253-0000")).passed(), "national format, read as US");

        CheckVerdict gbResident = run(with(cleanSubject(), "country_of_residence", "GB"));
        assertEquals(Set.of("phone"), failedFields(gbResident));
        assertEquals("is not a valid number for GB (it is a valid number for US)",
                finding(gbResident, "phone").get("reason").asText());

        assertTrue(run(with(with(cleanSubject(), "country_of_residence", "GB"), "phone", GB_PHONE)).passed());
        assertTrue(run(with(with(cleanSubject(), "country_of_residence", "GB"), "phone", "020 7031 3000")).passed(),
                "a national GB number, read with the residence as default region");
    }

    @Test
    void thePhoneFallsBackToNationalityThenAddressCountry() {
        ObjectNode noResidence = with(with(cleanSubject(), "country_of_residence", null), "country_of_nationality", "GB");
        assertEquals(Set.of("phone"), failedFields(run(noResidence)), "nationality GB comes before address US");

        ObjectNode addressOnly = with(with(noResidence, "country_of_nationality", null), "phone", "650 253 0000");
        assertTrue(run(addressOnly).passed(), "address country US is the last resort");

        ObjectNode noCountry = with(with(addressOnly, "address/country_code", null), "address/postal_code", null);
        assertEquals("valid number; no country given to compare it with",
                finding(run(with(noCountry.deepCopy(), "phone", US_PHONE)), "phone").get("reason").asText());
        assertEquals(Set.of("phone"), failedFields(run(noCountry)), "a national number with no country cannot be read");
    }

    @Test
    void usPostalCodesAreFiveDigitsOrZipPlusFour() {
        for (String ok : List.of("94043", "94043-1351", "94043 1351")) {
            assertTrue(run(with(cleanSubject(), "address/postal_code", ok)).passed(), ok);
        }
        for (String bad : List.of("9404", "940431", "94043-13", "ABCDE")) {
            assertEquals(Set.of("address.postal_code"), failedFields(run(with(cleanSubject(), "address/postal_code", bad))),
                    bad);
        }
    }

    @Test
    void gbPostcodesFollowTheRoyalMailFormat() {
        for (String ok : List.of("SW1A 2AA", "sw1a 2aa", "M1 1AE", "EC1A1BB", "GIR 0AA")) {
            assertTrue(run(with(cleanSubject(), "associated_addresses/0/postal_code", ok)).passed(), ok);
        }
        for (String bad : List.of("SW1A 2A", "12345", "QQ1 1AA")) {
            assertEquals(Set.of("associated_addresses[0].postal_code"),
                    failedFields(run(with(cleanSubject(), "associated_addresses/0/postal_code", bad))), bad);
        }
    }

    @Test
    void aPostalCodeForACountryWithoutPostalCodesIsAFinding() {
        ObjectNode inDubai = with(with(cleanSubject(), "associated_addresses/0/country_code", "AE"),
                "associated_addresses/0/postal_code", "00000");

        CheckVerdict verdict = run(inDubai);

        assertEquals(Set.of("associated_addresses[0].postal_code"), failedFields(verdict));
        assertEquals("was provided, but AE has no postal-code system",
                finding(verdict, "associated_addresses[0].postal_code").get("reason").asText());
        assertTrue(run(with(inDubai, "associated_addresses/0/postal_code", null)).passed(),
                "no postal code in AE is simply not provided");
    }

    @Test
    void aPostalCodeWithoutACountryCannotBeChecked() {
        CheckVerdict verdict = run(with(cleanSubject(), "address/country_code", null));

        assertEquals(Set.of("address.postal_code"), failedFields(verdict));
        assertEquals("not_provided", statuses(verdict).get("address.country_code"));
    }

    @Test
    void theBundledPostalDataCoversEveryIsoCountryAndItsExamplesMatch() {
        List<PostalCodeFormats.Format> all = FORMATS.all();
        assertEquals(252, all.size());
        assertEquals(181, all.stream().filter(PostalCodeFormats.Format::hasPostalCodes).count());
        for (String iso : Locale.getISOCountries()) {
            assertTrue(FORMATS.forCountry(iso).isPresent(), iso);
        }
        for (PostalCodeFormats.Format format : all) {
            for (String example : format.examples()) {
                assertTrue(format.matches(example.toUpperCase(Locale.ROOT)), format.country() + " " + example);
            }
        }
        assertTrue(FORMATS.source().contains("Google address metadata"));
    }

    @Test
    void internationalizedEmailDomainsAreConvertedBeforeTheyAreJudged() {
        CheckVerdict verdict = run(with(cleanSubject(), "email", "anna@bücher.de"));

        assertTrue(verdict.passed(), verdict.explanation());
        assertEquals("domain xn--bcher-kva.de", finding(verdict, "email").get("value_summary").asText());
    }

    @Test
    void namesInOtherScriptsAndWithAccentsPass() {
        assertTrue(run(with(with(cleanSubject(), "first_name", "Zoë"), "last_name", "Nguyễn")).passed());
        assertTrue(run(with(with(cleanSubject(), "first_name", "Мария"), "last_name", "Иванова")).passed());
        assertTrue(run(with(with(cleanSubject(), "first_name", "翔太"), "last_name", "佐藤")).passed());
    }
}
