package io.kycflow.workers.checks.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.kycflow.common.command.CheckTask;
import io.kycflow.common.json.Json;
import io.kycflow.workers.check.Check;
import io.kycflow.workers.check.CheckVerdict;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code kyc.identity_data_validation_check}: is the self-attested identity data well formed and
 * plausible? Names, email, phone, date of birth (and minimum age), country codes and postal codes are
 * each judged by one rule; the payload lists every field with what it came to and why.
 *
 * <p>The check fails when any provided field fails; the required names fail when absent. Absent
 * optional fields are {@code not_provided}: neither a pass nor a failure. It reads no network and
 * logs nothing, since every input is personal data; findings describe values rather than repeat them.
 *
 * <p>Arguments: {@code minimum_age} (whole years, default {@value #DEFAULT_MINIMUM_AGE}).
 */
public final class IdentityDataValidationCheck implements Check {

    public static final String ID = "kyc.identity_data_validation_check";
    static final int DEFAULT_MINIMUM_AGE = 18;

    private final NameRule names = new NameRule();
    private final EmailRule email = new EmailRule();
    private final PhoneRule phone;
    private final DateOfBirthRule dateOfBirth;
    private final CountryRule countries = new CountryRule();
    private final PostalCodeRule postalCodes;

    public IdentityDataValidationCheck(Clock clock) {
        this(clock, PhoneNumberUtil.getInstance(), PostalCodeFormats.bundled());
    }

    public IdentityDataValidationCheck(Clock clock, PhoneNumberUtil phoneNumbers, PostalCodeFormats postalCodeFormats) {
        this.phone = new PhoneRule(phoneNumbers);
        this.dateOfBirth = new DateOfBirthRule(clock);
        this.postalCodes = new PostalCodeRule(postalCodeFormats);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckVerdict run(CheckTask task) {
        int minimumAge = minimumAge(task.args());
        SelfAttestedData data = SelfAttestedData.of(task.subject());

        List<FieldFinding> fields = new ArrayList<>(names.evaluate(data));
        DateOfBirthRule.Result birth = dateOfBirth.evaluate(data, minimumAge);
        fields.add(birth.finding());
        fields.add(email.evaluate(data));
        fields.add(phone.evaluate(data));
        fields.addAll(countries.evaluate(data));
        fields.addAll(postalCodes.evaluate(data));

        List<FieldFinding> failed = fields.stream().filter(FieldFinding::failed).toList();
        long provided = fields.stream().filter(FieldFinding::provided).count();
        boolean passed = failed.isEmpty();
        IdentityDataValidationResult result = new IdentityDataValidationResult(
                IdentityDataValidationResult.TYPE, fields, minimumAge, birth.age(), passed);
        return new CheckVerdict(passed, answer(failed, provided), explanation(fields, minimumAge, birth.age(), passed),
                Json.mapper().valueToTree(result), List.of());
    }

    /** A malformed minimum age is the agent's configuration error: it throws, and the task becomes an error result. */
    static int minimumAge(JsonNode args) {
        JsonNode value = args == null ? null : args.get("minimum_age");
        if (value == null || value.isNull()) {
            return DEFAULT_MINIMUM_AGE;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0
                || value.asInt() > DateOfBirthRule.MAX_AGE) {
            throw new IllegalArgumentException("argument minimum_age must be a whole number of years from 0 to "
                    + DateOfBirthRule.MAX_AGE);
        }
        return value.asInt();
    }

    private static String answer(List<FieldFinding> failed, long provided) {
        if (failed.isEmpty()) {
            return "All " + provided + " provided identity fields are valid.";
        }
        return failed.size() + " of " + provided + " identity fields failed: "
                + failed.stream().map(FieldFinding::field).collect(Collectors.joining(", ")) + ".";
    }

    private static String explanation(List<FieldFinding> fields, int minimumAge, Integer age, boolean passed) {
        StringBuilder text = new StringBuilder(passed
                ? "The self-attested identity data is well formed and plausible."
                : "Some self-attested identity data is malformed, implausible or inconsistent and needs review.");
        text.append(" Minimum age required: ").append(minimumAge)
                .append(age == null ? "; age could not be determined." : "; age from date of birth: " + age + ".");
        for (FieldStatus status : List.of(FieldStatus.FAILED, FieldStatus.PASSED)) {
            fields.stream().filter(f -> f.status() == status).forEach(f -> text.append('\n')
                    .append(status == FieldStatus.FAILED ? "FAILED  " : "passed  ")
                    .append(f.field()).append(": ").append(f.reason())
                    .append(f.valueSummary() == null ? "" : " [" + f.valueSummary() + "]"));
        }
        List<String> absent = fields.stream().filter(f -> !f.provided()).map(FieldFinding::field).toList();
        if (!absent.isEmpty()) {
            text.append("\nNot provided: ").append(String.join(", ", absent)).append('.');
        }
        return text.toString();
    }
}
