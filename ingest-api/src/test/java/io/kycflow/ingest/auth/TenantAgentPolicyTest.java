package io.kycflow.ingest.auth;

import io.kycflow.common.agent.AgentCatalog;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantAgentPolicyTest {

    private final AgentCatalog agents = AgentCatalog.load(Optional.empty());

    @Test
    void aLimitedTenantMayUseOnlyItsAgentsAndAnyOtherTenantMayUseAll() {
        TenantAgentPolicy policy = new TenantAgentPolicy(Map.of("globex", Set.of("public-kyc")), agents);
        assertTrue(policy.allows("globex", "public-kyc"));
        assertFalse(policy.allows("globex", "kyc-identity-only"));
        assertTrue(policy.allows("brand-new-tenant", "kyc-identity-only"));
    }

    @Test
    void aLimitNamingAnAgentThatDoesNotExistStopsTheStart() {
        assertThrows(IllegalArgumentException.class,
                () -> new TenantAgentPolicy(Map.of("globex", Set.of("public-kcy")), agents));
    }
}
