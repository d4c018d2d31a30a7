package io.kycflow.notifier;

import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.tenant.TenantDirectory;
import io.kycflow.common.tenant.TenantSettings;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signing secrets of each tenant, newest first: two while a tenant rotates, and every webhook is
 * then signed with both. Tenant {@code default}'s come from {@code KYCFLOW_WEBHOOK_SECRET} (or are
 * generated at start and the caller prints them once), the others' from the tenants file. A tenant
 * without a secret gets no webhook (never an unsigned one, never another tenant's secret).
 */
public final class WebhookSecrets {

    public static final String DEFAULT_TENANT = TenantDirectory.DEFAULT_TENANT;

    private final Map<String, List<String>> byTenant;
    private final Optional<String> generated;

    private WebhookSecrets(Map<String, List<String>> byTenant, Optional<String> generated) {
        this.byTenant = Map.copyOf(byTenant);
        this.generated = generated;
    }

    /** As configured ({@code KYCFLOW_WEBHOOK_SECRET}, {@code KYCFLOW_TENANTS_FILE}); tenant default's generated when unset. */
    public static WebhookSecrets fromConfig(KycflowConfig config) {
        return from(TenantDirectory.load(config));
    }

    /** The tenants' secrets; when tenant {@code default} has none, one is generated for it. */
    public static WebhookSecrets from(TenantDirectory tenants) {
        Map<String, List<String>> byTenant = new LinkedHashMap<>();
        for (TenantSettings tenant : tenants.configured()) {
            if (!tenant.webhookSecrets().isEmpty()) {
                byTenant.put(tenant.tenantId(), tenant.webhookSecrets());
            }
        }
        if (byTenant.containsKey(DEFAULT_TENANT)) {
            return new WebhookSecrets(byTenant, Optional.empty());
        }
        String secret = generate();
        byTenant.put(DEFAULT_TENANT, List.of(secret));
        return new WebhookSecrets(byTenant, Optional.of(secret));
    }

    /** One secret per tenant (tests). */
    public static WebhookSecrets of(Map<String, String> byTenant) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        byTenant.forEach((tenant, secret) -> lists.put(tenant, secret == null ? List.of() : List.of(secret)));
        return rotating(lists);
    }

    /** Secrets per tenant, newest first, checked as the tenants file is (at least 16 characters, at most two). */
    public static WebhookSecrets rotating(Map<String, List<String>> byTenant) {
        Map<String, List<String>> checked = new LinkedHashMap<>();
        byTenant.forEach((tenant, secrets) ->
                checked.put(tenant, new TenantSettings(tenant, secrets, true, true).webhookSecrets()));
        return new WebhookSecrets(checked, Optional.empty());
    }

    /** The tenant's secrets, newest first; empty when it has none. */
    public List<String> secretsFor(String tenantId) {
        return byTenant.getOrDefault(tenantId, List.of());
    }

    /** The tenant's newest secret. */
    public Optional<String> secretFor(String tenantId) {
        return secretsFor(tenantId).stream().findFirst();
    }

    /** The default tenant's secret when it was generated here: print it once, it is not stored anywhere. */
    public Optional<String> generatedDefaultSecret() {
        return generated;
    }

    /** 32 random bytes, URL-safe base64, with a prefix that makes a leaked secret easy to recognise. */
    public static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "WebhookSecrets" + byTenant.keySet(); // never the secrets themselves
    }
}
