package io.kycflow.common.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.CheckStatus;

/**
 * What a decision rule looks for in one check result. Every given field must hold; an absent field
 * does not constrain. {@code check} is a check id or {@code "*"} for any check. {@code payload_pointer}
 * (a JSON pointer into the check's payload) with {@code equals} matches a value the check reported,
 * e.g. a sanctions hit corroborated by date of birth.
 */
public record RuleCondition(String check, CheckStatus status, Boolean passed, String payloadPointer, JsonNode equals) {

    public boolean matches(CheckResult result) {
        if (check != null && !check.equals("*") && !check.equals(result.commandId())) {
            return false;
        }
        if (status != null && status != result.status()) {
            return false;
        }
        if (passed != null && !passed.equals(result.passed())) {
            return false;
        }
        if (payloadPointer != null) {
            JsonNode payload = result.payload();
            if (payload == null) {
                return false;
            }
            JsonNode value = payload.at(payloadPointer);
            if (value.isMissingNode()) {
                return false;
            }
            return equals == null || equals.equals(value);
        }
        return true;
    }
}
