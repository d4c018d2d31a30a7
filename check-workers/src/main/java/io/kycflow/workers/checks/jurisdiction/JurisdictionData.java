package io.kycflow.workers.checks.jurisdiction;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.job.RiskRating;
import io.kycflow.common.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The high-risk jurisdiction data: the bundled, dated file ({@code jurisdictions/high-risk-jurisdictions.json})
 * or the user's replacement named by {@code KYCFLOW_HIGH_RISK_JURISDICTIONS_FILE}. Read once at start-up; a
 * malformed file stops start-up with the field at fault, since a silently empty list would rate everyone low.
 *
 * @param source where the data came from (the file path, or "bundled")
 * @param asOf   the date the data is current as of (the file's {@code as_of})
 */
public record JurisdictionData(String source, LocalDate asOf, List<JurisdictionList> lists) {

    public static final String FILE_VARIABLE = "KYCFLOW_HIGH_RISK_JURISDICTIONS_FILE";
    static final String BUNDLED_RESOURCE = "/jurisdictions/high-risk-jurisdictions.json";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public JurisdictionData {
        lists = List.copyOf(lists);
    }

    /** The file {@code KYCFLOW_HIGH_RISK_JURISDICTIONS_FILE} names, else the bundled one. */
    public static JurisdictionData fromEnvironment(Map<String, String> env) {
        String file = env.get(FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            return load(Path.of(file.strip()));
        }
        return bundled();
    }

    public static JurisdictionData bundled() {
        try (InputStream in = JurisdictionData.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled high-risk jurisdiction file is missing from the classpath");
            }
            return parse(Json.mapper().readTree(in), "bundled " + BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled high-risk jurisdiction file", e);
        }
    }

    public static JurisdictionData load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(Json.mapper().readTree(in), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(FILE_VARIABLE + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static JurisdictionData parse(JsonNode root, String source) {
        LocalDate asOf = date(root, "as_of", source);
        JsonNode lists = root.path("lists");
        if (!lists.isArray() || lists.isEmpty()) {
            throw new IllegalArgumentException(source + ": expected \"lists\": [ … ] with at least one list");
        }
        List<JurisdictionList> parsed = new ArrayList<>();
        for (JsonNode list : lists) {
            parsed.add(list(list, source));
        }
        return new JurisdictionData(source, asOf, parsed);
    }

    private static JurisdictionList list(JsonNode node, String source) {
        String id = text(node, "id", source + ": a list");
        String where = source + ": list " + id;
        RiskRating risk;
        try {
            risk = RiskRating.fromWire(text(node, "risk", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        Set<String> countries = new LinkedHashSet<>();
        for (JsonNode c : node.path("countries")) {
            countries.add(country(text(c, "code", where + ": a country"), where));
        }
        List<JurisdictionList.Region> regions = new ArrayList<>();
        for (JsonNode r : node.path("regions")) {
            String code = text(r, "code", where + ": a region");
            String at = where + ": region " + code;
            List<String> aliases = strings(r.path("aliases"));
            if (aliases.isEmpty()) {
                throw new IllegalArgumentException(at + " needs \"aliases\": the names an address may give it");
            }
            List<String> alsoWrittenAs = strings(r.path("also_written_as")).stream().map(c -> country(c, at)).toList();
            regions.add(new JurisdictionList.Region(country(text(r, "country", at), at), alsoWrittenAs, code,
                    text(r, "name", at), aliases));
        }
        if (countries.isEmpty() && regions.isEmpty()) {
            throw new IllegalArgumentException(where + " names no country and no region");
        }
        return new JurisdictionList(id, text(node, "name", where), node.path("publisher").asText(""),
                date(node, "published", where), text(node, "source_url", where), risk, countries, regions);
    }

    private static String country(String code, String where) {
        String upper = code.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(upper)) {
            throw new IllegalArgumentException(where + ": '" + code + "' is not an ISO 3166-1 alpha-2 country code");
        }
        return upper;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array) {
            if (v.isTextual() && !v.asText().isBlank()) {
                out.add(v.asText().strip());
            }
        }
        return out;
    }

    private static LocalDate date(JsonNode node, String field, String where) {
        String value = text(node, field, where);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be a date written YYYY-MM-DD", e);
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + " needs a \"" + field + "\"");
        }
        return v.asText().strip();
    }
}
