package io.kycflow.workers.checks.identity;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every country field of the self-attested data is an ISO 3166-1 alpha-2 code: nationality, residence,
 * the address and each associated address. A code is not personal on its own, so it is named in the
 * finding; a value that is not a code is described only by its length.
 */
public final class CountryRule {

    public List<FieldFinding> evaluate(SelfAttestedData data) {
        List<FieldFinding> findings = new ArrayList<>();
        findings.add(check("country_of_nationality", data.text("country_of_nationality")));
        findings.add(check("country_of_residence", data.text("country_of_residence")));
        findings.add(check("address.country_code", data.text("address", "country_code")));
        List<JsonNode> associated = data.associatedAddresses();
        for (int i = 0; i < associated.size(); i++) {
            findings.add(check("associated_addresses[" + i + "].country_code",
                    SelfAttestedData.textOf(associated.get(i), "country_code")));
        }
        return findings;
    }

    private FieldFinding check(String field, Optional<String> value) {
        if (value.isEmpty()) {
            return FieldFinding.notProvided(field);
        }
        return IsoCountries.normalize(value.get())
                .map(code -> FieldFinding.passed(field, code, "ISO 3166-1 alpha-2 code"))
                .orElseGet(() -> FieldFinding.failed(field, value.get().length() + " characters",
                        "is not an ISO 3166-1 alpha-2 country code"));
    }
}
