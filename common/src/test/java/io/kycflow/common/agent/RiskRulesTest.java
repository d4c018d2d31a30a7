package io.kycflow.common.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.CheckStatus;
import io.kycflow.common.job.RiskRating;
import io.kycflow.common.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Risk rules as an agents file declares them, and the policy that rates a job's results with them. */
class RiskRulesTest {

    private static AgentCatalog parse(String riskRules) throws Exception {
        String json = "{\"agents\":[{\"key\":\"a\",\"version\":\"1\",\"checks\":[{\"id\":\"kyc.identity_data_validation_check\"}]"
                + (riskRules == null ? "" : ",\"risk_rules\":" + riskRules) + "}]}";
        return AgentCatalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test agents");
    }

    private static CheckResult result(String check, CheckStatus status, Boolean passed, JsonNode payload) {
        return new CheckResult(CheckResult.SCHEMA_VERSION, "acme", "job-1", "a", check, "cmd-" + check, check, 1, status,
                passed, null, null, payload, List.of(), null, null, null, null);
    }

    @Test
    void theHighestApplyingRuleRatesTheJobAndEveryApplyingRuleIsAFactor() throws Exception {
        List<RiskRule> rules = parse("""
                [{"description": "grey", "when": {"check": "j", "payload_pointer": "/risk_level", "equals": "medium"}, "risk": "medium"},
                 {"description": "black", "when": {"check": "j", "payload_pointer": "/risk_level", "equals": "high"}, "risk": "high"},
                 {"description": "failed", "when": {"check": "*", "passed": false}, "risk": "medium"}]""")
                .find("a").orElseThrow().riskRules();
        JsonNode high = Json.mapper().createObjectNode().put("risk_level", "high");
        RiskPolicy.Assessment assessed = RiskPolicy.assess(rules, List.of(
                result("j", CheckStatus.COMPLETE, false, high), result("i", CheckStatus.COMPLETE, false, null)));
        assertEquals(RiskRating.HIGH, assessed.rating());
        assertEquals(List.of("black", "failed"), assessed.factors().stream().map(f -> f.description()).toList());
        assertEquals(List.of("j", "i"), assessed.factors().get(1).checkIds());

        RiskPolicy.Assessment clean = RiskPolicy.assess(rules, List.of(result("i", CheckStatus.COMPLETE, true, null)));
        assertEquals(RiskRating.LOW, clean.rating());
        assertEquals(List.of(), clean.factors());
        assertEquals(List.of(), parse(null).find("a").orElseThrow().riskRules(), "absent: no rules");
    }

    @Test
    void anErroredCheckIsAtLeastMediumButNeverLowersAHigherRating() {
        RiskPolicy.Assessment errored = RiskPolicy.assess(List.of(), List.of(result("s", CheckStatus.ERROR, null, null)));
        assertEquals(RiskRating.MEDIUM, errored.rating());
        assertEquals(List.of("s"), errored.factors().get(0).checkIds());
        RiskRule always = new RiskRule("always", null, RiskRating.HIGH);
        assertEquals(RiskRating.HIGH, RiskPolicy.assess(List.of(always),
                List.of(result("s", CheckStatus.ERROR, null, null))).rating());
    }

    @Test
    void malformedRulesStopStartUpNamingTheAgentAndRule() {
        Exception risk = assertThrows(IllegalArgumentException.class,
                () -> parse("[{\"description\": \"x\", \"risk\": \"severe\"}]"));
        assertTrue(risk.getMessage().contains("agent a: risk rule 'x'") && risk.getMessage().contains("severe"),
                risk.getMessage());
        Exception noDescription = assertThrows(IllegalArgumentException.class, () -> parse("[{\"risk\": \"high\"}]"));
        assertTrue(noDescription.getMessage().contains("description"), noDescription.getMessage());
        Exception pointer = assertThrows(IllegalArgumentException.class, () -> parse(
                "[{\"description\": \"x\", \"when\": {\"payload_pointer\": \"risk_level\", \"equals\": 1}, \"risk\": \"high\"}]"));
        assertTrue(pointer.getMessage().contains("payload_pointer 'risk_level' is not a JSON pointer"), pointer.getMessage());
    }

    @Test
    void theBundledAgentsHaveRiskRulesForTheirOwnChecks() {
        AgentCatalog bundled = AgentCatalog.bundled();
        assertTrue(bundled.find("public-kyc").orElseThrow().checkIds().contains(CheckCatalog.HIGH_RISK_JURISDICTION));
        assertTrue(bundled.find("aml-screening").orElseThrow().checkIds().contains(CheckCatalog.ADVERSE_MEDIA_SCREENING));
        for (String key : List.of("public-kyc", "aml-screening")) {
            AgentDefinition agent = bundled.find(key).orElseThrow();
            assertTrue(!agent.riskRules().isEmpty(), key);
            for (RiskRule rule : agent.riskRules()) {
                assertTrue(rule.when() == null || agent.checkIds().contains(rule.when().check()), key + ": " + rule);
            }
        }
    }
}
