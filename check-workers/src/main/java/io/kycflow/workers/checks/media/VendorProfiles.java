package io.kycflow.workers.checks.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.workers.check.CheckUnavailableException;

import java.util.ArrayList;
import java.util.List;

/**
 * The profiles the client's vendor already found, from {@code kyc_schema.adverse_media_event_check.vendor_data}
 * (the reference API's vendor-data section). The API validated the section's shape at submission; what is
 * read here is read defensively all the same (a task may come from an older API).
 */
final class VendorProfiles implements AdverseMediaSource {

    static final String SECTION = "adverse_media_event_check";

    @Override
    public Found profiles(JsonNode subject) throws CheckUnavailableException {
        JsonNode vendor = subject == null ? null : subject.path(SECTION).get("vendor_data");
        if (vendor == null || !vendor.isObject()) {
            throw new CheckUnavailableException("no_vendor_data", "No adverse-media vendor data was given ("
                    + "kyc_schema." + SECTION + ".vendor_data) and no news provider is configured, so adverse media "
                    + "could not be screened.");
        }
        JsonNode list = vendor.get("vendor_adverse_media_profiles");
        if (list == null || !list.isArray()) {
            throw new CheckUnavailableException("invalid_vendor_data",
                    "The vendor data has no vendor_adverse_media_profiles array.");
        }
        List<MediaProfile> profiles = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            profiles.add(profile(list.get(i), i));
        }
        return new Found("vendor", text(vendor, "vendor_case_id"), text(vendor, "search_term"), profiles);
    }

    private static MediaProfile profile(JsonNode p, int index) throws CheckUnavailableException {
        List<String> names = new ArrayList<>();
        add(names, text(p, "full_name"));
        String forename = text(p, "forename");
        String surname = text(p, "surname");
        if (forename != null && surname != null) {
            String middle = text(p, "middle_name");
            add(names, middle == null ? forename + " " + surname : forename + " " + middle + " " + surname);
        }
        for (String alias : strings(p.get("aliases"))) {
            add(names, alias);
        }
        if (names.isEmpty()) {
            throw new CheckUnavailableException("invalid_vendor_data",
                    "Vendor profile " + index + " has no name to match.");
        }
        List<MediaArticle> articles = new ArrayList<>();
        JsonNode links = p.get("weblinks");
        if (links != null && links.isArray()) {
            for (JsonNode link : links) {
                if (link.isObject()) {
                    articles.add(new MediaArticle(text(link, "title"), text(link, "url"),
                            first(text(link, "source_name"), text(link, "source"), text(link, "publisher")),
                            first(text(link, "publication_date"), text(link, "date"), text(link, "published_at")),
                            first(text(link, "snippet"), text(link, "description"), text(link, "summary"))));
                }
            }
        }
        JsonNode age = p.get("age_as_of_today");
        JsonNode id = p.get("id");
        return new MediaProfile(id == null || id.isNull() ? "profile-" + index : id.asText(), names,
                text(p, "date_of_birth"), age != null && age.canConvertToInt() ? age.asInt() : null,
                strings(p.get("associated_countries")), text(p, "summary"), strings(p.get("topics")), articles);
    }

    private static void add(List<String> names, String name) {
        if (name != null && !names.contains(name)) {
            names.add(name);
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode v : array) {
                if (v.isTextual() && !v.asText().isBlank()) {
                    out.add(v.asText().strip());
                }
            }
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
