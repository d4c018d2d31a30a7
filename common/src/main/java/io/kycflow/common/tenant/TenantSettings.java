package io.kycflow.common.tenant;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one tenant may do and chose about its notifications: the agents it may run, the secrets that sign
 * its webhooks (newest first; two during a rotation) and which personal data may leave in them.
 *
 * @param webhookSecrets             newest first; empty: the tenant gets no webhooks (never unsigned ones)
 * @param webhookIncludeInputPayload false: webhook bodies leave out {@code input_payload}
 * @param slackIncludePersonalData   false: Slack messages name the case and job, never the subject
 * @param allowedAgents              the agent keys the tenant may run; empty: every agent (a new tenant)
 */
public record TenantSettings(String tenantId, List<String> webhookSecrets, boolean webhookIncludeInputPayload,
                             boolean slackIncludePersonalData, Optional<Set<String>> allowedAgents) {

    public TenantSettings(String tenantId, List<String> webhookSecrets, boolean webhookIncludeInputPayload,
                          boolean slackIncludePersonalData) {
        this(tenantId, webhookSecrets, webhookIncludeInputPayload, slackIncludePersonalData, Optional.empty());
    }

    public static final int MIN_SECRET_LENGTH = 16;
    /** The one in use and the one being retired: more would only lengthen every signature header. */
    public static final int MAX_SECRETS = 2;

    public TenantSettings {
        // The id's format is checked where people write it (the tenants file): here any job's tenant id
        // must get its defaults, never an exception that would drop the notification.
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("a tenant needs an id");
        }
        webhookSecrets = List.copyOf(webhookSecrets);
        if (webhookSecrets.size() > MAX_SECRETS) {
            throw new IllegalArgumentException("tenant " + tenantId + " has " + webhookSecrets.size()
                    + " webhook secrets; at most " + MAX_SECRETS + " (the new one first, then the one being retired)");
        }
        for (int i = 0; i < webhookSecrets.size(); i++) {
            if (webhookSecrets.get(i).length() < MIN_SECRET_LENGTH) {
                // Says which one, never what it is.
                throw new IllegalArgumentException("webhook secret " + (i + 1) + " of tenant " + tenantId
                        + " is too short: at least " + MIN_SECRET_LENGTH + " characters");
            }
        }
        if (new HashSet<>(webhookSecrets).size() != webhookSecrets.size()) {
            throw new IllegalArgumentException("tenant " + tenantId + " lists the same webhook secret twice");
        }
        allowedAgents = allowedAgents.map(Set::copyOf);
    }

    /** Whether the tenant may run (or look up) this agent. */
    public boolean mayUse(String agentKey) {
        return allowedAgents.map(agents -> agents.contains(agentKey)).orElse(true);
    }

    /** A tenant nobody configured: no secrets of its own, personal data included as before. */
    public static TenantSettings defaults(String tenantId) {
        return new TenantSettings(tenantId, List.of(), true, true);
    }

    public TenantSettings withWebhookSecrets(List<String> secrets) {
        return new TenantSettings(tenantId, secrets, webhookIncludeInputPayload, slackIncludePersonalData, allowedAgents);
    }

    @Override
    public String toString() {
        return "TenantSettings[" + tenantId + ", " + webhookSecrets.size() + " webhook secret(s), input_payload in webhooks: "
                + webhookIncludeInputPayload + ", personal data in Slack: " + slackIncludePersonalData + ", agents: "
                + allowedAgents.map(a -> a.stream().sorted().toList().toString()).orElse("all") + "]";
    }
}
