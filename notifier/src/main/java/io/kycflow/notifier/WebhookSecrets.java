package io.kycflow.notifier;

import io.kycflow.common.config.KycflowConfig;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The signing secret of each tenant. For now configuration gives one, tenant {@code default}'s
 * ({@code KYCFLOW_WEBHOOK_SECRET}); without it one is generated at start and the caller prints it once.
 * A tenant without a secret gets no webhook (never an unsigned one, never another tenant's secret).
 */
public final class WebhookSecrets {

    public static final String DEFAULT_TENANT = "default";

    private final Map<String, String> byTenant;
    private final Optional<String> generated;

    private WebhookSecrets(Map<String, String> byTenant, Optional<String> generated) {
        this.byTenant = Map.copyOf(byTenant);
        this.generated = generated;
    }

    /** Tenant {@code default}'s secret from {@code KYCFLOW_WEBHOOK_SECRET}, or a generated one. */
    public static WebhookSecrets fromConfig(KycflowConfig config) {
        if (config.webhookSecret().isPresent()) {
            return of(Map.of(DEFAULT_TENANT, config.webhookSecret().get()));
        }
        String secret = generate();
        return new WebhookSecrets(Map.of(DEFAULT_TENANT, secret), Optional.of(secret));
    }

    /** Explicit secrets per tenant (tests, and the per-tenant configuration to come). */
    public static WebhookSecrets of(Map<String, String> byTenant) {
        byTenant.forEach((tenant, secret) -> {
            if (secret == null || secret.length() < 16) {
                throw new IllegalArgumentException("the webhook secret of tenant " + tenant + " must have at least 16 characters");
            }
        });
        return new WebhookSecrets(byTenant, Optional.empty());
    }

    public Optional<String> secretFor(String tenantId) {
        return Optional.ofNullable(byTenant.get(tenantId));
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
