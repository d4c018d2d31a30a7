package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a 200 requires, written from the documented rules and independently of the API's own validation:
 * necessary, not sufficient, conditions, so the fuzz test can say "this should not have been accepted".
 */
final class FuzzOracle {

    static final Set<String> AGENTS = Set.of("public-kyc", "kyc-identity-only");
    static final String JOB_ID = "[A-Za-z0-9._:-]{1,128}";
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private FuzzOracle() {
    }

    /** Necessary (not sufficient) conditions for a start body to be accepted. */
    static boolean mayBeAccepted(byte[] raw) {
        JsonNode body;
        try {
            body = PLAIN.readTree(raw);
        } catch (IOException e) {
            return false;
        }
        if (body == null || !body.isObject() || !AGENTS.contains(body.path("agent_key").asText(null))
                || !body.path("agent_key").isTextual()) {
            return false;
        }
        JsonNode schema = present(body.get("kyc_schema")) ? body.get("kyc_schema") : body.get("payload");
        if (schema == null || !schema.isObject() || !nonBlankText(schema.get("id"))) {
            return false;
        }
        JsonNode person = schema.get("self_attested_data");
        if (person == null || !person.isObject() || !nonBlankText(person.get("first_name")) || !nonBlankText(person.get("last_name"))) {
            return false;
        }
        JsonNode jobId = body.get("job_id");
        if (present(jobId) && !(jobId.isTextual() && jobId.asText().matches(JOB_ID))) {
            return false;
        }
        JsonNode dob = person.get("date_of_birth");
        if (present(dob) && !(dob.isTextual() && validPastDate(dob.asText()))) {
            return false;
        }
        for (String field : List.of("country_of_nationality", "country_of_residence")) {
            JsonNode country = person.get(field);
            // Country codes are accepted in any case (gb is GB).
            if (present(country) && !(country.isTextual() && COUNTRIES.contains(country.asText().toUpperCase(Locale.ROOT)))) {
                return false;
            }
        }
        JsonNode checks = body.get("check_ids");
        if (present(checks) && !checks.isArray()) {
            return false;
        }
        return !present(checks) || checks.valueStream().allMatch(JsonNode::isTextual);
    }

    /** For a 200 from getJobById or agent/config: the parameters that had to be valid were. */
    static String queryViolation(String path, String query) {
        Map<String, String> params = decodeQuery(query);
        if (path.endsWith("getJobById")) {
            if (!flagsValid(params)) {
                return "accepted bad flags";
            }
            if (!params.getOrDefault("job_id", "").matches(JOB_ID)) {
                return "accepted job_id";
            }
        } else if (path.endsWith("agent/config") && !AGENTS.contains(params.get("agent_key"))) {
            return "accepted agent_key";
        }
        return null;
    }

    /** Whether a presented credential is the genuine key or token (a JWT whose decoded parts are unchanged). */
    static boolean sameCredential(String presented, String jwt, String apiKey) {
        if (presented.equals(apiKey) || presented.equals(jwt)) {
            return true;
        }
        String[] theirs = presented.split("\\.", -1);
        String[] ours = jwt.split("\\.");
        if (theirs.length != 3) {
            return false;
        }
        try {
            for (int i = 0; i < 3; i++) {
                if (!Arrays.equals(Base64.getUrlDecoder().decode(theirs[i]), Base64.getUrlDecoder().decode(ours[i]))) {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static boolean nonBlankText(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank();
    }

    private static boolean validPastDate(String text) {
        try {
            return !LocalDate.parse(text, ISO_DATE).isAfter(LocalDate.now());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Map<String, String> decodeQuery(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // Jetty drops a pair it cannot decode (seen: "agent_key=%!4&agent_key=public-kyc" is answered
                // for public-kyc), so the server's first value of that name is the next decodable one.
            }
        }
        return params;
    }

    private static boolean flagsValid(Map<String, String> params) {
        for (String flag : List.of("include_check_results", "include_check_result_ids", "include_status_messages")) {
            String value = params.get(flag);
            if (value != null && !value.isEmpty() && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                return false;
            }
        }
        return true;
    }
}
