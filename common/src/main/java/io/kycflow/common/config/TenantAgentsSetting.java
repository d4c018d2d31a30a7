package io.kycflow.common.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code KYCFLOW_TENANT_AGENTS}: which agents a tenant is limited to, written
 * {@code tenant=agent,agent;tenant=agent}. A tenant not named may use every agent.
 */
public final class TenantAgentsSetting {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private TenantAgentsSetting() {
    }

    public static Map<String, Set<String>> parse(String name, String text) {
        Map<String, Set<String>> limits = new LinkedHashMap<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String tenant = eq < 0 ? "" : entry.substring(0, eq).trim();
            if (!NAME.matcher(tenant).matches()) {
                throw new IllegalArgumentException(name + ": '" + entry.trim() + "' is not tenant=agent,agent");
            }
            Set<String> agents = new LinkedHashSet<>();
            for (String agent : entry.substring(eq + 1).split(",")) {
                String trimmed = agent.trim();
                if (!NAME.matcher(trimmed).matches()) {
                    throw new IllegalArgumentException(name + ": tenant " + tenant + " names no agent or an odd one: '"
                            + trimmed + "'");
                }
                agents.add(trimmed);
            }
            if (limits.put(tenant, Set.copyOf(agents)) != null) {
                throw new IllegalArgumentException(name + ": tenant " + tenant + " is named twice");
            }
        }
        return Map.copyOf(limits);
    }
}
