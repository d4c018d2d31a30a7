package io.kycflow.notifier;

import io.kycflow.common.config.KycflowConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSecretsTest {

    static final String NEW = "whsec_new-secret-0123456789";
    static final String OLD = "whsec_old-secret-0123456789";

    @Test
    void tenantDefaultRotatesThroughTwoCommaSeparatedSecrets() {
        WebhookSecrets secrets = WebhookSecrets.fromConfig(KycflowConfig.from(Map.of("KYCFLOW_WEBHOOK_SECRET", NEW + "," + OLD)));
        assertEquals(List.of(NEW, OLD), secrets.secretsFor("default"));
        assertTrue(secrets.generatedDefaultSecret().isEmpty());
    }

    @Test
    void withoutAConfiguredSecretTenantDefaultGetsAGeneratedOne() {
        WebhookSecrets secrets = WebhookSecrets.fromConfig(KycflowConfig.from(Map.of()));
        String generated = secrets.generatedDefaultSecret().orElseThrow();
        assertTrue(generated.startsWith("whsec_"));
        assertEquals(List.of(generated), secrets.secretsFor("default"));
        assertEquals(List.of(), secrets.secretsFor("acme"), "another tenant never borrows default's secret");
    }

    @Test
    void otherTenantsTakeTheirSecretsFromTheTenantsFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("tenants.json"),
                "{\"tenants\":{\"acme\":{\"webhook_secrets\":[\"" + NEW + "\",\"" + OLD + "\"]},\"globex\":{}}}");
        WebhookSecrets secrets = WebhookSecrets.fromConfig(KycflowConfig.from(Map.of(
                "KYCFLOW_TENANTS_FILE", file.toString(), "KYCFLOW_WEBHOOK_SECRET", NEW)));
        assertEquals(List.of(NEW, OLD), secrets.secretsFor("acme"));
        assertEquals(List.of(), secrets.secretsFor("globex"), "a tenant without secrets gets no webhooks");
        assertEquals(List.of(NEW), secrets.secretsFor("default"));
        assertFalse(secrets.toString().contains(NEW));
    }

    @Test
    void shortSecretsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSecrets.of(Map.of("acme", "short")));
        assertThrows(IllegalArgumentException.class, () -> WebhookSecrets.rotating(Map.of("acme", List.of(NEW, "short"))));
    }
}
