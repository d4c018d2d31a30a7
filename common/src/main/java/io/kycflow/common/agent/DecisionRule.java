package io.kycflow.common.agent;

import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.Recommendation;

import java.util.Collection;

/** One of an agent's ordered decision rules: when any check result matches {@code when}, recommend. No {@code when}: always. */
public record DecisionRule(String description, RuleCondition when, Recommendation recommendation) {

    public boolean appliesTo(Collection<CheckResult> results) {
        return when == null || results.stream().anyMatch(when::matches);
    }
}
