package io.kycflow.common.config;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TenantAgentsSettingTest {

    @Test
    void tenantsAreLimitedToTheAgentsNamedAndUnsetMeansNoLimits() {
        assertEquals(Map.of("acme", Set.of("public-kyc"), "globex", Set.of("public-kyc", "kyc-identity-only")),
                TenantAgentsSetting.parse("X", " acme = public-kyc ; globex=public-kyc, kyc-identity-only;"));
        assertEquals(Map.of(), KycflowConfig.from(Map.of()).tenantAgents());
        assertEquals(Map.of("acme", Set.of("public-kyc")),
                KycflowConfig.from(Map.of("KYCFLOW_TENANT_AGENTS", "acme=public-kyc")).tenantAgents());
    }

    @Test
    void malformedLimitsAreRefusedAtStart() {
        for (String bad : new String[]{"acme", "=public-kyc", "acme=", "acme=a b", "acme=x;acme=y", "acme=x,,y"}) {
            assertThrows(IllegalArgumentException.class, () -> TenantAgentsSetting.parse("KYCFLOW_TENANT_AGENTS", bad), bad);
        }
    }
}
