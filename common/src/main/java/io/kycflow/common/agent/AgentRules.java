package io.kycflow.common.agent;

import io.kycflow.common.json.Json;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * An agent version's decision and risk rules, the part of a plan that only matters when a job finishes. The
 * registry keeps each distinct set once, under its {@link #id()}, and a job's plan names it: ~2.5 KB that
 * would otherwise be copied into every version of every job.
 */
public record AgentRules(List<DecisionRule> decisionRules, List<RiskRule> riskRules) {

    /**
     * No rules: every job is {@code Review}, rated as the risk policy rates a job no rule matches ({@code low},
     * or {@code medium} with an errored check).
     */
    public static final AgentRules NONE = new AgentRules(List.of(), List.of());

    private static final String ID_PREFIX = "sha256:";

    public AgentRules {
        decisionRules = decisionRules == null ? List.of() : List.copyOf(decisionRules);
        riskRules = riskRules == null ? List.of() : List.copyOf(riskRules);
    }

    /**
     * Names these rules by their content (SHA-256 of their JSON, first 128 bits): equal rules get one id on every
     * instance, and two agent files that differ under one version label get two, so a job is always decided by
     * the rules it was accepted under.
     */
    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.toBytes(this));
            return ID_PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "AgentRules[" + decisionRules.size() + " decision, " + riskRules.size() + " risk]";
    }
}
