package io.kycflow.workers.checks.jurisdiction;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A country the subject is tied to, and through which field: nationality, residence, the address or an
 * associated address (with its state and city, where a sanctioned region shows).
 *
 * @param field       the kyc_schema field it came from, e.g. {@code address} or {@code associated_addresses[1]}
 * @param countryCode upper-case alpha-2, or null for an address that gives none
 */
record SubjectPlace(String field, String countryCode, String state, String city) {

    static List<SubjectPlace> of(JsonNode data) {
        List<SubjectPlace> places = new ArrayList<>();
        country(data, "country_of_nationality", places);
        country(data, "country_of_residence", places);
        address(data.get("address"), "address", places);
        JsonNode associated = data.get("associated_addresses");
        if (associated != null && associated.isArray()) {
            for (int i = 0; i < associated.size(); i++) {
                address(associated.get(i), "associated_addresses[" + i + "]", places);
            }
        }
        return places;
    }

    boolean hasAnything() {
        return countryCode != null || state != null || city != null;
    }

    private static void country(JsonNode data, String field, List<SubjectPlace> places) {
        String code = text(data, field);
        if (code != null) {
            places.add(new SubjectPlace(field, code.toUpperCase(Locale.ROOT), null, null));
        }
    }

    private static void address(JsonNode address, String field, List<SubjectPlace> places) {
        if (address == null || !address.isObject()) {
            return;
        }
        String code = text(address, "country_code");
        SubjectPlace place = new SubjectPlace(field, code == null ? null : code.toUpperCase(Locale.ROOT),
                text(address, "state"), text(address, "city"));
        if (place.hasAnything()) {
            places.add(place);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
