package io.kycflow.workers.checks.identity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The verdict on one field of the self-attested data. {@code valueSummary} describes the value without
 * repeating it (e.g. "country calling code +44, mobile"), because the result is stored and sent to
 * webhooks: a check result is no place for a second copy of the person's data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldFinding(String field, FieldStatus status, String valueSummary, String reason) {

    public static FieldFinding passed(String field, String valueSummary, String reason) {
        return new FieldFinding(field, FieldStatus.PASSED, valueSummary, reason);
    }

    public static FieldFinding failed(String field, String valueSummary, String reason) {
        return new FieldFinding(field, FieldStatus.FAILED, valueSummary, reason);
    }

    public static FieldFinding notProvided(String field) {
        return new FieldFinding(field, FieldStatus.NOT_PROVIDED, null, "not provided");
    }

    public boolean failed() {
        return status == FieldStatus.FAILED;
    }

    public boolean provided() {
        return status != FieldStatus.NOT_PROVIDED;
    }
}
