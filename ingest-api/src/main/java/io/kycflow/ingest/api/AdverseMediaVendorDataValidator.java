package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the adverse-media vendor data a kyc_schema may carry ({@code adverse_media_event_check.vendor_data},
 * the reference API's vendor-data section): the profiles a client's vendor found, which
 * {@code kyc.adverse_media_screening_check_v2} adjudicates. Malformed data is a 400 naming the field, so the
 * check never has to guess. It stays inside the kyc_schema, which is sealed as personal data like the rest.
 * Problems name fields, never echo values (they are personal data).
 */
final class AdverseMediaVendorDataValidator {

    static final String SECTION = "adverse_media_event_check";
    static final int MAX_PROFILES = 500;
    static final int MAX_WEBLINKS = 200;
    static final int MAX_LIST = 200;
    private static final int MAX_NAME = 200;
    private static final int MAX_TEXT = 1000;
    private static final int MAX_SUMMARY = 20_000;
    private static final int MAX_URL = 2048;
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");

    private AdverseMediaVendorDataValidator() {
    }

    /** Adds a problem per malformed field of {@code schema}'s vendor-data section; nothing when it is absent. */
    static void validate(JsonNode schema, String schemaField, List<FieldProblem> problems) {
        JsonNode section = schema.get(SECTION);
        String sectionField = schemaField + "." + SECTION;
        if (section == null || section.isNull()) {
            return;
        }
        if (!section.isObject()) {
            problems.add(new FieldProblem(sectionField, "must be an object such as {\"vendor_data\": {…}}"));
            return;
        }
        JsonNode vendor = section.get("vendor_data");
        String vendorField = sectionField + ".vendor_data";
        if (vendor == null || vendor.isNull()) {
            problems.add(new FieldProblem(vendorField, "required: {\"vendor_adverse_media_profiles\": [ … ]}"));
            return;
        }
        if (!vendor.isObject()) {
            problems.add(new FieldProblem(vendorField, "must be an object"));
            return;
        }
        for (String id : List.of("vendor_case_id", "vendor_case_internal_id", "search_term")) {
            text(vendor, id, vendorField, MAX_TEXT, false, problems);
        }
        JsonNode profiles = vendor.get("vendor_adverse_media_profiles");
        String profilesField = vendorField + ".vendor_adverse_media_profiles";
        if (profiles == null || profiles.isNull()) {
            problems.add(new FieldProblem(profilesField, "required: the profiles the vendor found ([] when none)"));
            return;
        }
        if (!profiles.isArray()) {
            problems.add(new FieldProblem(profilesField, "must be an array of profiles"));
            return;
        }
        if (profiles.size() > MAX_PROFILES) {
            problems.add(new FieldProblem(profilesField, "must hold at most " + MAX_PROFILES + " profiles"));
            return;
        }
        for (int i = 0; i < profiles.size(); i++) {
            profile(profiles.get(i), profilesField + "[" + i + "]", problems);
        }
    }

    private static void profile(JsonNode p, String field, List<FieldProblem> problems) {
        if (!p.isObject()) {
            problems.add(new FieldProblem(field, "must be an object"));
            return;
        }
        JsonNode id = p.get("id");
        if (id != null && !id.isNull() && !(id.isTextual() || id.isIntegralNumber())) {
            problems.add(new FieldProblem(field + ".id", "must be a string or an integer"));
        }
        String fullName = text(p, "full_name", field, MAX_NAME, true, problems);
        if (fullName != null && fullName.isBlank()) {
            problems.add(new FieldProblem(field + ".full_name", "must not be blank"));
        }
        for (String name : List.of("forename", "surname", "middle_name", "gender", "occupation", "title", "when")) {
            text(p, name, field, MAX_TEXT, false, problems);
        }
        text(p, "summary", field, MAX_SUMMARY, false, problems);
        for (String list : List.of("aliases", "associated_countries", "topics")) {
            strings(p, list, field, problems);
        }
        String dob = text(p, "date_of_birth", field, 10, false, problems);
        if (dob != null && !PARTIAL_DATE.matcher(dob).matches()) {
            problems.add(new FieldProblem(field + ".date_of_birth", "must be YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        JsonNode age = p.get("age_as_of_today");
        if (age != null && !age.isNull() && !(age.isIntegralNumber() && age.asInt() >= 0 && age.asInt() <= 150)) {
            problems.add(new FieldProblem(field + ".age_as_of_today", "must be a whole number from 0 to 150"));
        }
        JsonNode addresses = p.get("associated_addresses");
        if (addresses != null && !addresses.isNull() && !addresses.isArray()) {
            problems.add(new FieldProblem(field + ".associated_addresses", "must be an array"));
        }
        weblinks(p.get("weblinks"), field + ".weblinks", problems);
    }

    private static void weblinks(JsonNode links, String field, List<FieldProblem> problems) {
        if (links == null || links.isNull()) {
            return;
        }
        if (!links.isArray()) {
            problems.add(new FieldProblem(field, "must be an array of {title, url, …}"));
            return;
        }
        if (links.size() > MAX_WEBLINKS) {
            problems.add(new FieldProblem(field, "must hold at most " + MAX_WEBLINKS + " links"));
            return;
        }
        for (int i = 0; i < links.size(); i++) {
            JsonNode link = links.get(i);
            String where = field + "[" + i + "]";
            if (!link.isObject()) {
                problems.add(new FieldProblem(where, "must be an object"));
                continue;
            }
            for (String name : List.of("title", "source", "source_name", "publisher", "date", "publication_date",
                    "published_at")) {
                text(link, name, where, MAX_TEXT, false, problems);
            }
            for (String name : List.of("snippet", "description", "summary")) {
                text(link, name, where, MAX_SUMMARY, false, problems);
            }
            String url = text(link, "url", where, MAX_URL, false, problems);
            if (url != null && !isWebUrl(url)) {
                // Shown to reviewers as a link: only http(s), never javascript: or data:.
                problems.add(new FieldProblem(where + ".url", "must be an absolute http(s) URL"));
            }
        }
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void strings(JsonNode node, String name, String parent, List<FieldProblem> problems) {
        JsonNode list = node.get(name);
        String field = parent + "." + name;
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            problems.add(new FieldProblem(field, "must be an array of strings"));
            return;
        }
        if (list.size() > MAX_LIST) {
            problems.add(new FieldProblem(field, "must hold at most " + MAX_LIST + " entries"));
            return;
        }
        for (JsonNode v : list) {
            if (!v.isTextual() || v.asText().length() > MAX_TEXT) {
                problems.add(new FieldProblem(field, "must hold only strings of at most " + MAX_TEXT + " characters"));
                return;
            }
        }
    }

    private static String text(JsonNode node, String name, String parent, int max, boolean required,
                               List<FieldProblem> problems) {
        JsonNode v = node.get(name);
        String field = parent + "." + name;
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(new FieldProblem(field, "required"));
            }
            return null;
        }
        if (!v.isTextual()) {
            problems.add(new FieldProblem(field, "must be a string"));
            return null;
        }
        if (v.asText().length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
            return null;
        }
        return v.asText();
    }
}
