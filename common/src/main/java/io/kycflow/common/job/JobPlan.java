package io.kycflow.common.job;

import io.kycflow.common.agent.DecisionRule;

import java.util.List;

/**
 * The agent as it was when the job was accepted: its version, the checks to run and the decision rules.
 * Carried in the submission and kept with the job, so a job is decided by the configuration it was
 * submitted under even while instances roll to a new one.
 */
public record JobPlan(String agentKey, String agentVersion, List<PlannedCheck> checks, List<DecisionRule> decisionRules) {

    public JobPlan {
        checks = List.copyOf(checks);
        decisionRules = List.copyOf(decisionRules);
    }
}
