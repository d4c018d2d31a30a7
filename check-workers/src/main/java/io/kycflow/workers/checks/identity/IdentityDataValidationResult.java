package io.kycflow.workers.checks.identity;

import java.util.List;

/** The typed payload of {@code kyc.identity_data_validation_check}: every field's finding, and the age test. */
public record IdentityDataValidationResult(String type, List<FieldFinding> fields, int minimumAge, Integer age,
                                           boolean passed) {

    public static final String TYPE = "KYCIdentityDataValidationCheckResult";

    public IdentityDataValidationResult {
        fields = List.copyOf(fields);
    }
}
