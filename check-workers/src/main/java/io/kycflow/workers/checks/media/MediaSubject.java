package io.kycflow.workers.checks.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.workers.check.CheckUnavailableException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The person a profile is matched to: the name written with and without the middle name (a source often
 * drops it), the date of birth, and every country the person attested (nationality, residence, addresses).
 */
record MediaSubject(List<String> names, String dateOfBirth, Set<String> countries) {

    MediaSubject {
        names = List.copyOf(names);
        countries = Set.copyOf(countries);
    }

    static MediaSubject from(JsonNode subject) throws CheckUnavailableException {
        JsonNode data = subject == null ? null : subject.get("self_attested_data");
        if (data == null || !data.isObject()) {
            throw new CheckUnavailableException("no_subject_data", "The subject has no self-attested data to match.");
        }
        String first = text(data, "first_name");
        String middle = text(data, "middle_name");
        String last = text(data, "last_name");
        if (first == null && last == null) {
            throw new CheckUnavailableException("no_name", "The subject has no name to match profiles to.");
        }
        List<String> names = new ArrayList<>();
        if (middle != null) {
            names.add(join(first, middle, last));
        }
        names.add(join(first, null, last));
        Set<String> countries = new LinkedHashSet<>();
        addCountry(countries, text(data, "country_of_nationality"));
        addCountry(countries, text(data, "country_of_residence"));
        JsonNode address = data.get("address");
        if (address != null && address.isObject()) {
            addCountry(countries, text(address, "country_code"));
        }
        JsonNode associated = data.get("associated_addresses");
        if (associated != null && associated.isArray()) {
            for (JsonNode a : associated) {
                if (a.isObject()) {
                    addCountry(countries, text(a, "country_code"));
                }
            }
        }
        return new MediaSubject(names, text(data, "date_of_birth"), countries);
    }

    private static String join(String first, String middle, String last) {
        StringBuilder b = new StringBuilder();
        for (String part : new String[] {first, middle, last}) {
            if (part != null) {
                b.append(b.isEmpty() ? "" : " ").append(part);
            }
        }
        return b.toString();
    }

    private static void addCountry(Set<String> countries, String code) {
        if (code != null) {
            countries.add(code.toUpperCase(Locale.ROOT));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
