package io.kycflow.workers.checks.identity;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The postal code of the address, and of each associated address, has the format of that address's
 * country ({@link PostalCodeFormats}). Codes are compared upper-cased with surrounding spaces removed,
 * as postal services do; inner spaces and hyphens must be where the country puts them.
 *
 * <p>A postal code for a country without a postal-code system, or without a usable country, cannot be
 * confirmed and fails: both are inconsistencies a reviewer should see. The finding names the country,
 * not the code.
 */
public final class PostalCodeRule {

    private final PostalCodeFormats formats;

    public PostalCodeRule(PostalCodeFormats formats) {
        this.formats = formats;
    }

    public List<FieldFinding> evaluate(SelfAttestedData data) {
        List<FieldFinding> findings = new ArrayList<>();
        findings.add(check("address.postal_code", data.text("address", "postal_code"),
                data.text("address", "country_code")));
        List<JsonNode> associated = data.associatedAddresses();
        for (int i = 0; i < associated.size(); i++) {
            findings.add(check("associated_addresses[" + i + "].postal_code",
                    SelfAttestedData.textOf(associated.get(i), "postal_code"),
                    SelfAttestedData.textOf(associated.get(i), "country_code")));
        }
        return findings;
    }

    private FieldFinding check(String field, Optional<String> value, Optional<String> countryValue) {
        if (value.isEmpty()) {
            return FieldFinding.notProvided(field);
        }
        String postalCode = value.get().toUpperCase(Locale.ROOT);
        Optional<String> country = countryValue.flatMap(IsoCountries::normalize);
        if (country.isEmpty()) {
            return FieldFinding.failed(field, null,
                    "cannot be checked: the address has no valid ISO 3166-1 country code");
        }
        Optional<PostalCodeFormats.Format> format = formats.forCountry(country.get());
        if (format.isEmpty()) {
            return FieldFinding.failed(field, "country " + country.get(),
                    "cannot be checked: no postal-code data for " + country.get());
        }
        if (!format.get().hasPostalCodes()) {
            return FieldFinding.failed(field, "country " + country.get(),
                    "was provided, but " + country.get() + " has no postal-code system");
        }
        if (format.get().matches(postalCode)) {
            return FieldFinding.passed(field, "country " + country.get(),
                    "matches the postal-code format of " + country.get());
        }
        String example = format.get().examples().isEmpty() ? "" : " (e.g. " + format.get().examples().getFirst() + ")";
        return FieldFinding.failed(field, "country " + country.get(),
                "does not match the postal-code format of " + country.get() + example);
    }
}
