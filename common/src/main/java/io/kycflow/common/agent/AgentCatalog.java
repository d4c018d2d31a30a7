package io.kycflow.common.agent;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.kycflow.common.config.DurationSetting;
import io.kycflow.common.document.ProofOfAddressArgs;
import io.kycflow.common.job.CheckStatus;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.Recommendation;
import io.kycflow.common.job.RiskRating;
import io.kycflow.common.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The configured agents, loaded from a JSON file ({@code KYCFLOW_AGENTS_FILE}) or the bundled
 * defaults. A file that names an unknown check or a malformed rule stops start-up with a message
 * naming the agent and the problem: a misconfigured agent must not quietly approve people.
 */
public final class AgentCatalog {

    public static final String BUNDLED_RESOURCE = "/agents.json";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final Map<String, AgentDefinition> agents;

    private AgentCatalog(Map<String, AgentDefinition> agents) {
        this.agents = Map.copyOf(agents);
    }

    public static AgentCatalog load(Optional<Path> file) {
        if (file.isPresent()) {
            try (InputStream in = Files.newInputStream(file.get())) {
                return parse(in, file.get().toString());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read agents file " + file.get() + ": " + e.getMessage(), e);
            }
        }
        return bundled();
    }

    public static AgentCatalog bundled() {
        try (InputStream in = AgentCatalog.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled agents missing from the classpath");
            }
            return parse(in, "bundled agents");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled agents", e);
        }
    }

    static AgentCatalog parse(InputStream in, String source) throws IOException {
        JsonNode root = Json.mapper().readTree(in);
        JsonNode list = root.path("agents");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(source + ": expected {\"agents\": [ … ]} with at least one agent");
        }
        Map<String, AgentDefinition> agents = new LinkedHashMap<>();
        for (JsonNode node : list) {
            AgentDefinition agent = agent(node, source);
            if (agents.put(agent.key(), agent) != null) {
                throw new IllegalArgumentException(source + ": agent " + agent.key() + " is defined twice");
            }
        }
        return new AgentCatalog(agents);
    }

    private static AgentDefinition agent(JsonNode node, String source) {
        String key = text(node, "key", source + ": an agent");
        String where = source + ": agent " + key;
        String version = text(node, "version", where);
        List<AgentCheck> checks = new ArrayList<>();
        for (JsonNode c : node.path("checks")) {
            String id = text(c, "id", where + ": a check");
            if (!CheckCatalog.isKnown(id)) {
                throw new IllegalArgumentException(where + ": unknown check " + id);
            }
            Duration timeout = c.hasNonNull("timeout")
                    ? DurationSetting.parse(where + ": " + id + ".timeout", c.get("timeout").asText())
                    : DEFAULT_TIMEOUT;
            JsonNode args = c.hasNonNull("args") ? c.get("args") : JsonNodeFactory.instance.objectNode();
            if (id.equals(CheckCatalog.PROOF_OF_ADDRESS)) {
                try {
                    ProofOfAddressArgs.parse(args); // refused at load, not on the first job
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + id + ".args: " + e.getMessage(), e);
                }
            }
            checks.add(new AgentCheck(id, timeout, args));
        }
        if (checks.isEmpty()) {
            throw new IllegalArgumentException(where + ": names no checks");
        }
        List<DecisionRule> rules = new ArrayList<>();
        for (JsonNode r : node.path("decision_rules")) {
            rules.add(rule(r, where));
        }
        List<RiskRule> riskRules = new ArrayList<>();
        for (JsonNode r : node.path("risk_rules")) {
            riskRules.add(riskRule(r, where));
        }
        return new AgentDefinition(key, version, node.path("description").asText(""), checks, rules,
                webhookEvents(node.get("webhook_events"), where), riskRules);
    }

    /** The events the agent's webhooks subscribe to besides the terminal one; each must be one of {@link JobEvent#SUBSCRIBABLE}. */
    private static List<String> webhookEvents(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + ": webhook_events must be an array such as [\"job.started\"]");
        }
        List<String> events = new ArrayList<>();
        for (JsonNode event : node) {
            if (!event.isTextual() || !JobEvent.SUBSCRIBABLE.contains(event.asText())) {
                throw new IllegalArgumentException(where + ": webhook_events may hold only "
                        + String.join(", ", JobEvent.SUBSCRIBABLE) + " (the terminal event is always sent), not " + event);
            }
            if (!events.contains(event.asText())) {
                events.add(event.asText());
            }
        }
        return events;
    }

    private static DecisionRule rule(JsonNode node, String where) {
        Recommendation recommendation = Recommendation.fromWire(text(node, "recommendation", where + ": a rule"));
        return new DecisionRule(node.path("description").asText(""), condition(node.get("when"), where), recommendation);
    }

    /**
     * A risk rule: {@code {"description", "when": {…as a decision rule's…}, "risk": "medium"|"high"}}. The
     * description is required: it is the risk factor a job reports, so it must say why.
     */
    private static RiskRule riskRule(JsonNode node, String where) {
        String description = text(node, "description", where + ": a risk rule");
        String at = where + ": risk rule '" + description + "'";
        RiskRating risk;
        try {
            risk = RiskRating.fromWire(text(node, "risk", at));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
        }
        return new RiskRule(description, condition(node.get("when"), at), risk);
    }

    /** A rule's {@code when}, shared by decision and risk rules; null (always) when absent. */
    private static RuleCondition condition(JsonNode w, String where) {
        if (w == null || w.isNull()) {
            return null;
        }
        String pointer = w.hasNonNull("payload_pointer") ? w.get("payload_pointer").asText() : null;
        if (pointer != null) {
            try {
                JsonPointer.compile(pointer);
            } catch (IllegalArgumentException e) {
                // Caught here rather than when a job finishes: a bad pointer would fail every fold.
                throw new IllegalArgumentException(where + ": payload_pointer '" + pointer
                        + "' is not a JSON pointer such as /strong_match_corroborated", e);
            }
        }
        return new RuleCondition(
                w.hasNonNull("check") ? w.get("check").asText() : null,
                w.hasNonNull("status") ? CheckStatus.fromWire(w.get("status").asText()) : null,
                w.hasNonNull("passed") ? w.get("passed").asBoolean() : null,
                pointer,
                w.get("equals"));
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + " needs a \"" + field + "\"");
        }
        return v.asText();
    }

    public Optional<AgentDefinition> find(String key) {
        return Optional.ofNullable(agents.get(key));
    }

    public Collection<AgentDefinition> all() {
        return agents.values();
    }

    /** Every check id any agent names: each needs its task topic. */
    public List<String> checkIds() {
        TreeSet<String> ids = new TreeSet<>();
        agents.values().forEach(a -> ids.addAll(a.checkIds()));
        return List.copyOf(ids);
    }
}
