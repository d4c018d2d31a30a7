package io.kycflow.ingest.auth;

import io.kycflow.common.agent.AgentCatalog;

import java.util.Map;
import java.util.Set;

/**
 * Which agents each tenant may use ({@code KYCFLOW_TENANT_AGENTS}). A tenant that is not limited may use
 * every agent, so a new tenant works at once; limiting is an explicit act.
 */
public final class TenantAgentPolicy {

    private final Map<String, Set<String>> limits;

    /** @throws IllegalArgumentException when a limit names an agent the catalogue does not have (a typo would lock a tenant out) */
    public TenantAgentPolicy(Map<String, Set<String>> limits, AgentCatalog agents) {
        limits.forEach((tenant, allowed) -> allowed.forEach(agent -> {
            if (agents.find(agent).isEmpty()) {
                throw new IllegalArgumentException("KYCFLOW_TENANT_AGENTS: tenant " + tenant + " is limited to agent '"
                        + agent + "', which the agent catalogue does not have");
            }
        }));
        this.limits = Map.copyOf(limits);
    }

    public boolean allows(String tenantId, String agentKey) {
        Set<String> allowed = limits.get(tenantId);
        return allowed == null || allowed.contains(agentKey);
    }
}
