package io.kycflow.common.agent;

import java.util.List;
import java.util.Optional;

/**
 * A named, versioned bundle of checks with their arguments and ordered decision rules, the risk rules that
 * rate its jobs ({@code risk_rules}), and the events its jobs' webhooks get besides the terminal one unless a
 * request says otherwise ({@code webhook_events}).
 */
public record AgentDefinition(String key, String version, String description, List<AgentCheck> checks,
                              List<DecisionRule> decisionRules, List<String> webhookEvents, List<RiskRule> riskRules) {

    public AgentDefinition {
        checks = List.copyOf(checks);
        decisionRules = decisionRules == null ? List.of() : List.copyOf(decisionRules);
        webhookEvents = webhookEvents == null ? List.of() : List.copyOf(webhookEvents);
        riskRules = riskRules == null ? List.of() : List.copyOf(riskRules);
    }

    public Optional<AgentCheck> check(String checkId) {
        return checks.stream().filter(c -> c.id().equals(checkId)).findFirst();
    }

    public List<String> checkIds() {
        return checks.stream().map(AgentCheck::id).toList();
    }
}
