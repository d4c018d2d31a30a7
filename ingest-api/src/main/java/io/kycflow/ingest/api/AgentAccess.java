package io.kycflow.ingest.api;

import io.kycflow.common.tenant.TenantDirectory;
import io.kycflow.ingest.auth.Principal;

/**
 * Which agents a tenant may use ({@code agents} in {@code KYCFLOW_TENANTS_FILE}): a tenant nobody limited
 * may use every agent; a limited one gets 403 for the others, naming {@code agent_key}.
 */
final class AgentAccess {

    private AgentAccess() {
    }

    static void require(TenantDirectory tenants, Principal caller, String agentKey) {
        if (!tenants.settings(caller.tenantId()).mayUse(agentKey)) {
            throw ApiError.forbidden("agent_key", "tenant " + caller.tenantId() + " may not use agent '" + agentKey + "'");
        }
    }
}
