package io.kycflow.ingest.screen;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.ingest.api.ApiError;
import io.kycflow.ingest.api.FieldProblem;
import io.kycflow.screening.load.ListPurpose;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.Schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code POST /api/v1/screen} body, validated: every problem is reported at once, by field path
 * ({@code queries[2].date_of_birth}), as every other endpoint does.
 *
 * <pre>{"lists": "sanctions", "limit": 5, "queries": [{"id": "c-1", "name": "…", "date_of_birth": "1952-10-07",
 *   "nationality": "RU", "schema": "Person"}]}</pre>
 */
public record ScreenRequest(ListPurpose purpose, int limit, List<Entry> queries) {

    public static final int MAX_QUERIES = 100;
    public static final int MAX_LIMIT = io.kycflow.screening.match.Screener.DEFAULT_MAX_HITS;
    public static final int DEFAULT_LIMIT = 5;
    private static final int MAX_NAME = 300;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Pattern NATIONALITY = Pattern.compile("[\\p{L} .'-]{2,60}");
    private static final Set<String> FIELDS = Set.of("lists", "limit", "queries");
    private static final Set<String> QUERY_FIELDS = Set.of("id", "name", "date_of_birth", "nationality", "schema");

    /** One query as the client sent it: its id (given, else its position) and what the matcher screens. */
    public record Entry(String id, Query query) {
    }

    public static ScreenRequest parse(JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!body.isObject()) {
            throw ApiError.invalidField("body", "must be a JSON object");
        }
        unknownFields(body, FIELDS, "", problems);
        ListPurpose purpose = purpose(body.get("lists"), problems);
        int limit = limit(body.get("limit"), problems);
        JsonNode queries = body.get("queries");
        List<Entry> entries = new ArrayList<>();
        if (queries == null || !queries.isArray() || queries.isEmpty()) {
            problems.add(new FieldProblem("queries", "required: a non-empty array of {name, date_of_birth?, nationality?, schema?, id?}"));
        } else if (queries.size() > MAX_QUERIES) {
            problems.add(new FieldProblem("queries", "at most " + MAX_QUERIES + " per request, got " + queries.size()));
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < queries.size(); i++) {
                Entry entry = entry(queries.get(i), "queries[" + i + "]", i, problems);
                if (entry != null && !ids.add(entry.id())) {
                    problems.add(new FieldProblem("queries[" + i + "].id", "repeats an earlier query's id"));
                }
                entries.add(entry);
            }
        }
        if (!problems.isEmpty()) {
            throw ApiError.badRequest("The screening request is invalid.", problems);
        }
        return new ScreenRequest(purpose, limit, List.copyOf(entries));
    }

    private static Entry entry(JsonNode q, String at, int index, List<FieldProblem> problems) {
        if (q == null || !q.isObject()) {
            problems.add(new FieldProblem(at, "must be an object with a name"));
            return null;
        }
        int before = problems.size();
        unknownFields(q, QUERY_FIELDS, at + ".", problems);
        String id = text(q, "id", at, problems);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(new FieldProblem(at + ".id", "must be 1-128 characters of A-Z a-z 0-9 . _ : -"));
        }
        String name = text(q, "name", at, problems);
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem(at + ".name", "required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new FieldProblem(at + ".name", "longer than " + MAX_NAME + " characters"));
        }
        String dob = text(q, "date_of_birth", at, problems);
        if (dob != null && !DATE.matcher(dob).matches()) {
            problems.add(new FieldProblem(at + ".date_of_birth", "must be YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        String nationality = text(q, "nationality", at, problems);
        if (nationality != null && !NATIONALITY.matcher(nationality).matches()) {
            problems.add(new FieldProblem(at + ".nationality", "must be an ISO 3166 code or a country name"));
        }
        String schemaText = text(q, "schema", at, problems);
        Schema schema = Schema.parse(schemaText);
        if (schemaText != null && !schemaText.isBlank() && schema == Schema.ANY
                && !schemaText.strip().equalsIgnoreCase("any") && !schemaText.strip().equalsIgnoreCase("thing")) {
            problems.add(new FieldProblem(at + ".schema", "must be Person, Organization, Vessel, Aircraft or Any"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Entry(id == null ? Integer.toString(index) : id,
                new Query(name, null, null, null, dob, nationality, null, schema));
    }

    private static String text(JsonNode q, String field, String at, List<FieldProblem> problems) {
        JsonNode v = q.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            problems.add(new FieldProblem(at + "." + field, "must be a string"));
            return null;
        }
        return v.asText();
    }

    private static ListPurpose purpose(JsonNode v, List<FieldProblem> problems) {
        if (v == null || v.isNull()) {
            return ListPurpose.SANCTIONS;
        }
        String text = v.isTextual() ? v.asText().toLowerCase(Locale.ROOT) : "";
        return switch (text) {
            case "sanctions" -> ListPurpose.SANCTIONS;
            case "pep" -> ListPurpose.PEP;
            default -> {
                problems.add(new FieldProblem("lists", "must be \"sanctions\" or \"pep\""));
                yield ListPurpose.SANCTIONS;
            }
        };
    }

    private static int limit(JsonNode v, List<FieldProblem> problems) {
        if (v == null || v.isNull()) {
            return DEFAULT_LIMIT;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            return DEFAULT_LIMIT;
        }
        return v.asInt();
    }

    private static void unknownFields(JsonNode node, Set<String> known, String prefix, List<FieldProblem> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                problems.add(new FieldProblem(prefix + f, "unknown field"));
            }
        }
    }
}
