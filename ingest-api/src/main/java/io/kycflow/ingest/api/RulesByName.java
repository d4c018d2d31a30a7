package io.kycflow.ingest.api;

import io.kycflow.common.agent.AgentRules;
import io.kycflow.common.command.SubmitJob;
import io.kycflow.common.job.JobPlan;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A submission as the API sends it first: its agent's decision and risk rules named by content id
 * ({@code rules_id}), not carried. They are ~2.5 KB of the ~3.9 KB command, written by the API and read by
 * the registry for every submission, while a registry task needs them once per agent version: it holds them
 * from the first job that carried them ({@code AgentRulesBook}), and refuses a named set it does not hold, so
 * that {@link JobSubmitter} sends that one submission again whole.
 *
 * <p>Ids are remembered per agent key and version, checked by equality (the same agent's rules are the same
 * instances, so the check is a reference comparison), so the rules' JSON is hashed once per agent version,
 * not per request; rules that differ under one version label are named by their own id.
 */
final class RulesByName {

    private record Named(AgentRules rules, String id) {
    }

    private final Map<String, Named> byAgentVersion = new ConcurrentHashMap<>();

    /** The submission with its rules named, or null when it names them already. */
    SubmitJob named(SubmitJob submit) {
        JobPlan plan = submit.request().plan();
        if (plan.rulesKeptApart()) {
            return null;
        }
        AgentRules rules = plan.rules();
        String agentVersion = plan.agentKey() + "@" + plan.agentVersion();
        Named named = byAgentVersion.get(agentVersion);
        if (named == null || !named.rules().equals(rules)) {
            named = new Named(rules, rules.id());
            byAgentVersion.put(agentVersion, named);
        }
        return submit.withPlan(plan.keepingRulesApart(named.id()));
    }
}
