package io.kycflow.common.job;

import io.kycflow.common.agent.DecisionRule;
import io.kycflow.common.agent.RiskRule;

import java.util.List;

/**
 * The agent as it was when the job was accepted: its version, the checks to run, the decision rules and the
 * risk rules. Carried in the submission and kept with the job, so a job is decided and rated by the
 * configuration it was submitted under even while instances roll to a new one. (A plan written before risk
 * rules existed reads with none.)
 */
public record JobPlan(String agentKey, String agentVersion, List<PlannedCheck> checks, List<DecisionRule> decisionRules,
                      List<RiskRule> riskRules) {

    public JobPlan {
        checks = List.copyOf(checks);
        decisionRules = List.copyOf(decisionRules);
        riskRules = riskRules == null ? List.of() : List.copyOf(riskRules);
    }
}
