package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.kycflow.common.tenant.TenantDirectory;
import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.agent.AgentCheck;
import io.kycflow.common.agent.AgentDefinition;
import io.kycflow.common.agent.CheckCatalog;
import io.kycflow.common.json.Json;
import io.kycflow.ingest.auth.Principal;

/** {@code getAvailableChecks} and {@code agent/config}: the catalogue, naming only checks that have a worker. */
public final class CatalogHandlers {

    private final AgentCatalog agents;
    private final TenantDirectory tenants;

    public CatalogHandlers(AgentCatalog agents, TenantDirectory tenants) {
        this.tenants = tenants;
        this.agents = agents;
    }

    public void availableChecks(Context ctx) {
        RequestContext.principal(ctx, Principal.JOBS_READ);
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode checks = body.putArray("checks");
        CheckCatalog.all().forEach(entry -> checks.addObject()
                .put("check_id", entry.checkId())
                .put("name", entry.name())
                .put("description", entry.description()));
        body.put("count", checks.size());
        ctx.json(body);
    }

    public void agentConfig(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_READ);
        String key = ctx.queryParam("agent_key");
        if (key == null || key.isBlank()) {
            throw ApiError.invalidField("agent_key", "required");
        }
        AgentDefinition agent = agents.find(key).orElseThrow(() -> ApiError.notFound("Agent not found."));
        AgentAccess.require(tenants, caller, agent.key());
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("agent_key", agent.key());
        body.put("version", agent.version());
        body.put("description", agent.description());
        ArrayNode checks = body.putArray("checks");
        for (AgentCheck check : agent.checks()) {
            checks.addObject()
                    .put("check_id", check.id())
                    .put("name", CheckCatalog.displayName(check.id()).orElse(check.id()))
                    .put("timeout_seconds", check.timeout().toSeconds())
                    .set("args", check.args());
        }
        body.set("decision_rules", Json.mapper().valueToTree(agent.decisionRules()));
        body.set("risk_rules", Json.mapper().valueToTree(agent.riskRules()));
        ctx.json(body);
    }
}
