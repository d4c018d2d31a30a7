package io.kycflow.common.job;

import io.kycflow.common.agent.AgentRules;
import io.kycflow.common.agent.DecisionRule;
import io.kycflow.common.agent.RiskRule;

import java.util.List;

/**
 * The agent as it was when the job was accepted: its version, the checks to run, the decision rules and the
 * risk rules, so a job is decided and rated by the configuration it was submitted under even while instances
 * roll to a new one. The job keeps it with its rules named by {@code rules_id} instead of copied
 * ({@link #keepingRulesApart}), the registry holding each set of rules once; a submission names them too, and
 * carries them whole only when its registry task does not hold them yet.
 * (A plan written before risk rules existed reads with none; a job written before rules were kept apart holds
 * them inline and no {@code rules_id}.)
 */
public record JobPlan(String agentKey, String agentVersion, List<PlannedCheck> checks, List<DecisionRule> decisionRules,
                      List<RiskRule> riskRules, String rulesId) {

    public JobPlan {
        checks = List.copyOf(checks);
        decisionRules = decisionRules == null ? List.of() : List.copyOf(decisionRules);
        riskRules = riskRules == null ? List.of() : List.copyOf(riskRules);
    }

    /** A whole plan, rules inline: what a submission carries. */
    public JobPlan(String agentKey, String agentVersion, List<PlannedCheck> checks, List<DecisionRule> decisionRules,
                   List<RiskRule> riskRules) {
        this(agentKey, agentVersion, checks, decisionRules, riskRules, null);
    }

    /** The rules this plan holds inline. */
    public AgentRules rules() {
        return new AgentRules(decisionRules, riskRules);
    }

    /** True when the rules are kept elsewhere under {@link #rulesId()}, and this plan holds none inline. */
    public boolean rulesKeptApart() {
        return rulesId != null;
    }

    /** This plan as a job keeps it: the rules named by {@code rulesId}, not copied. */
    public JobPlan keepingRulesApart(String rulesId) {
        return new JobPlan(agentKey, agentVersion, checks, List.of(), List.of(), rulesId);
    }

    /** This plan whole again, with the rules it names. */
    public JobPlan withRules(AgentRules rules) {
        return new JobPlan(agentKey, agentVersion, checks, rules.decisionRules(), rules.riskRules(), null);
    }
}
