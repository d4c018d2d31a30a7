package io.kycflow.common.agent;

import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.RiskRating;

import java.util.Collection;
import java.util.List;

/**
 * One of an agent's risk rules: when any check result matches {@code when} (the decision rules' condition),
 * the job's risk rating is at least {@code risk}. Unlike decision rules every rule is tried: the rating is the
 * highest that applies, and each rule that applies is a risk factor.
 */
public record RiskRule(String description, RuleCondition when, RiskRating risk) {

    /** The ids of the checks whose results this rule matches; every check when it has no condition. */
    public List<String> matchingChecks(Collection<CheckResult> results) {
        return results.stream().filter(r -> when == null || when.matches(r)).map(CheckResult::commandId).toList();
    }
}
