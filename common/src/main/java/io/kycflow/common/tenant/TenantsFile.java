package io.kycflow.common.tenant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.json.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the tenants file ({@code KYCFLOW_TENANTS_FILE}):
 * <pre>{"tenants": {"acme": {"webhook_secrets": ["whsec_new…", "whsec_old…"],
 *   "webhook_include_input_payload": false, "slack_include_personal_data": false}}}</pre>
 * Strictly: a field it does not know is an error naming it, because a misspelt opt-out
 * ({@code slack_include_personal_dat}) that was silently ignored would send the very data it meant to keep back.
 */
public final class TenantsFile {

    static final String TENANTS = "tenants";
    static final String WEBHOOK_SECRETS = "webhook_secrets";
    static final String WEBHOOK_INCLUDE_INPUT_PAYLOAD = "webhook_include_input_payload";
    static final String SLACK_INCLUDE_PERSONAL_DATA = "slack_include_personal_data";
    static final String AGENTS = "agents";
    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Set<String> TENANT_FIELDS = Set.of(WEBHOOK_SECRETS, WEBHOOK_INCLUDE_INPUT_PAYLOAD,
            SLACK_INCLUDE_PERSONAL_DATA, AGENTS);

    private TenantsFile() {
    }

    /** The tenants the text configures; {@code source} names the file in every error. */
    public static List<TenantSettings> parse(String text, String source) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected {\"tenants\": {\"<tenant id>\": {…}}}");
        }
        unknownFields(root, Set.of(TENANTS), source);
        JsonNode tenants = root.get(TENANTS);
        if (tenants == null || !tenants.isObject()) {
            throw new IllegalArgumentException(source + ": \"" + TENANTS + "\" must be an object of tenant id to settings");
        }
        List<TenantSettings> settings = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : tenants.properties()) {
            settings.add(tenant(entry.getKey(), entry.getValue(), source + ": " + TENANTS + "." + entry.getKey()));
        }
        return settings;
    }

    private static TenantSettings tenant(String tenantId, JsonNode node, String where) {
        if (!TENANT_ID.matcher(tenantId).matches()) {
            throw new IllegalArgumentException(where + ": a tenant id is 1-64 characters of a-z 0-9 - (as in job keys)");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        unknownFields(node, TENANT_FIELDS, where);
        List<String> secrets = new ArrayList<>();
        JsonNode list = node.get(WEBHOOK_SECRETS);
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException(where + "." + WEBHOOK_SECRETS + " must be an array of strings, newest first");
            }
            for (JsonNode secret : list) {
                if (!secret.isTextual()) {
                    throw new IllegalArgumentException(where + "." + WEBHOOK_SECRETS + " must hold only strings");
                }
                secrets.add(secret.asText());
            }
        }
        try {
            return new TenantSettings(tenantId, secrets, flag(node, WEBHOOK_INCLUDE_INPUT_PAYLOAD, where),
                    flag(node, SLACK_INCLUDE_PERSONAL_DATA, where), agents(node, where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** The agents a tenant may run; absent means every agent (a tenant is limited only when someone says so). */
    private static Optional<Set<String>> agents(JsonNode node, String where) {
        JsonNode list = node.get(AGENTS);
        if (list == null || list.isNull()) {
            return Optional.empty();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(where + "." + AGENTS + " must be an array of agent keys");
        }
        Set<String> agents = new java.util.LinkedHashSet<>();
        for (JsonNode agent : list) {
            if (!agent.isTextual() || agent.asText().isBlank()) {
                throw new IllegalArgumentException(where + "." + AGENTS + " must hold only agent keys (strings)");
            }
            agents.add(agent.asText());
        }
        return Optional.of(agents);
    }

    /** A boolean setting; absent means true (what every tenant got before the setting existed). */
    private static boolean flag(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return true;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(where + "." + field + " must be true or false");
        }
        return value.booleanValue();
    }

    private static void unknownFields(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown field \"" + name + "\" (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }
}
