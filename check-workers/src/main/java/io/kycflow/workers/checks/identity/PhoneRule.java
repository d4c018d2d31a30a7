package io.kycflow.workers.checks.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Locale;
import java.util.Optional;

/**
 * The phone number is a valid number for the person's country, by Google's libphonenumber metadata.
 * The country is the residence, else the nationality, else the address country (the first that is a
 * valid ISO code): a number written without "+" is read as a national number of that country, and a
 * number in international form must belong to it. Without any country, only an international number
 * can be judged, and only for validity in general.
 *
 * <p>The finding names the calling code and the number type, never the digits.
 */
public final class PhoneRule {

    static final String FIELD = "phone";

    private final PhoneNumberUtil phones;

    public PhoneRule(PhoneNumberUtil phones) {
        this.phones = phones;
    }

    public FieldFinding evaluate(SelfAttestedData data) {
        Optional<String> value = data.text(FIELD);
        if (value.isEmpty()) {
            return FieldFinding.notProvided(FIELD);
        }
        Optional<String> region = personCountry(data);
        PhoneNumber number;
        try {
            // "ZZ" (unknown region) makes the parser insist on an international "+" prefix.
            number = phones.parse(value.get(), region.orElse("ZZ"));
        } catch (NumberParseException e) {
            return FieldFinding.failed(FIELD, null, "cannot be read as a phone number (" + describe(e) + ")");
        }
        String summary = "country calling code +" + number.getCountryCode() + ", "
                + phones.getNumberType(number).name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (region.isEmpty()) {
            return phones.isValidNumber(number)
                    ? FieldFinding.passed(FIELD, summary, "valid number; no country given to compare it with")
                    : FieldFinding.failed(FIELD, summary, "is not a valid phone number");
        }
        String country = region.get();
        if (phones.isValidNumberForRegion(number, country)) {
            return FieldFinding.passed(FIELD, summary, "valid number for " + country);
        }
        String belongsTo = phones.isValidNumber(number) ? phones.getRegionCodeForNumber(number) : null;
        return FieldFinding.failed(FIELD, summary, belongsTo == null
                ? "is not a valid number for " + country
                : "is not a valid number for " + country + " (it is a valid number for " + belongsTo + ")");
    }

    /** Residence first: a phone is where the person lives more often than where their passport is from. */
    static Optional<String> personCountry(SelfAttestedData data) {
        return data.text("country_of_residence").flatMap(IsoCountries::normalize)
                .or(() -> data.text("country_of_nationality").flatMap(IsoCountries::normalize))
                .or(() -> data.text("address", "country_code").flatMap(IsoCountries::normalize));
    }

    private static String describe(NumberParseException e) {
        return switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE -> "no country given and no valid international prefix";
            case NOT_A_NUMBER -> "not a number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
            case TOO_LONG -> "too long";
        };
    }
}
