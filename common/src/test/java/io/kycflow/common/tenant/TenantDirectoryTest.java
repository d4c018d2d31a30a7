package io.kycflow.common.tenant;

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

class TenantDirectoryTest {

    private static final String NEW = "whsec_new-0123456789abcdef";
    private static final String OLD = "whsec_old-0123456789abcdef";

    @TempDir
    Path dir;

    private TenantDirectory load(String fileText, Map<String, String> env) throws Exception {
        Path file = dir.resolve("tenants.json");
        Files.writeString(file, fileText);
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("KYCFLOW_TENANTS_FILE", file.toString());
        return TenantDirectory.load(KycflowConfig.from(all));
    }

    private static String message(Throwable e) {
        return e.getMessage();
    }

    @Test
    void aTenantsFileGivesEachTenantItsSecretsAndOptOuts() throws Exception {
        TenantDirectory tenants = load("""
                {"tenants": {
                  "acme": {"webhook_secrets": ["%s", "%s"], "webhook_include_input_payload": false,
                           "slack_include_personal_data": false},
                  "globex": {"webhook_secrets": ["%s"]}}}""".formatted(NEW, OLD, NEW), Map.of());
        TenantSettings acme = tenants.settings("acme");
        assertEquals(List.of(NEW, OLD), acme.webhookSecrets(), "newest first, in the file's order");
        assertFalse(acme.webhookIncludeInputPayload());
        assertFalse(acme.slackIncludePersonalData());
        TenantSettings globex = tenants.settings("globex");
        assertTrue(globex.webhookIncludeInputPayload() && globex.slackIncludePersonalData(), "absent flags keep today's behaviour");
        assertEquals(TenantSettings.defaults("initech"), tenants.settings("initech"));
        assertFalse(acme.toString().contains(NEW), "secrets never appear in toString");
    }

    @Test
    void tenantDefaultKeepsTheSecretsOfTheEnvironmentOneOrTwo() throws Exception {
        TenantDirectory rotating = TenantDirectory.load(KycflowConfig.from(Map.of("KYCFLOW_WEBHOOK_SECRET", NEW + " , " + OLD)));
        assertEquals(List.of(NEW, OLD), rotating.settings("default").webhookSecrets());
        TenantDirectory merged = load("{\"tenants\":{\"default\":{\"slack_include_personal_data\":false}}}",
                Map.of("KYCFLOW_WEBHOOK_SECRET", NEW));
        assertEquals(List.of(NEW), merged.settings("default").webhookSecrets());
        assertFalse(merged.settings("default").slackIncludePersonalData(), "the file's opt-outs apply to default too");
        assertEquals(List.of(), TenantDirectory.load(KycflowConfig.from(Map.of())).settings("default").webhookSecrets());
    }

    @Test
    void anUnknownFieldIsAnErrorNamingIt() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> load(
                "{\"tenants\":{\"acme\":{\"slack_include_personal_dat\":false}}}", Map.of()));
        assertTrue(message(e).contains("\"slack_include_personal_dat\"") && message(e).contains("tenants.acme"), message(e));
        Exception top = assertThrows(IllegalArgumentException.class, () -> load("{\"tenant\":{}}", Map.of()));
        assertTrue(message(top).contains("\"tenant\""), message(top));
    }

    @Test
    void shortSecretsWrongTypesAndBadIdsAreRefused() {
        Exception shortSecret = assertThrows(IllegalArgumentException.class, () -> load(
                "{\"tenants\":{\"acme\":{\"webhook_secrets\":[\"%s\",\"too-short\"]}}}".formatted(NEW), Map.of()));
        assertTrue(message(shortSecret).contains("secret 2 of tenant acme is too short"), message(shortSecret));
        assertFalse(message(shortSecret).contains("too-short\""), "the secret itself is never echoed");
        Exception envShort = assertThrows(IllegalArgumentException.class,
                () -> TenantDirectory.load(KycflowConfig.from(Map.of("KYCFLOW_WEBHOOK_SECRET", NEW + ",short"))));
        assertTrue(message(envShort).startsWith("KYCFLOW_WEBHOOK_SECRET"), message(envShort));
        Exception flag = assertThrows(IllegalArgumentException.class, () -> load(
                "{\"tenants\":{\"acme\":{\"webhook_include_input_payload\":\"no\"}}}", Map.of()));
        assertTrue(message(flag).contains("webhook_include_input_payload must be true or false"), message(flag));
        Exception three = assertThrows(IllegalArgumentException.class, () -> load(
                "{\"tenants\":{\"acme\":{\"webhook_secrets\":[\"%s\",\"%s\",\"%s\"]}}}".formatted(NEW, OLD, NEW + "x"), Map.of()));
        assertTrue(message(three).contains("at most 2"), message(three));
        Exception id = assertThrows(IllegalArgumentException.class, () -> load("{\"tenants\":{\"Acme Corp\":{}}}", Map.of()));
        assertTrue(message(id).contains("tenant id"), message(id));
        Exception twice = assertThrows(IllegalArgumentException.class, () -> load(
                "{\"tenants\":{\"default\":{\"webhook_secrets\":[\"%s\"]}}}".formatted(OLD), Map.of("KYCFLOW_WEBHOOK_SECRET", NEW)));
        assertTrue(message(twice).contains("given twice"), message(twice));
    }

    @Test
    void aMissingFileIsAClearStartUpError() {
        Path missing = dir.resolve("nope.json");
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> TenantDirectory.load(KycflowConfig.from(Map.of("KYCFLOW_TENANTS_FILE", missing.toString()))));
        assertEquals("KYCFLOW_TENANTS_FILE: " + missing + " does not exist", message(e));
    }

    @Test
    void withoutAFileEveryTenantHasTheDefaults() {
        TenantDirectory none = TenantDirectory.load(KycflowConfig.from(Map.of()));
        assertTrue(none.configured().isEmpty());
        assertTrue(none.settings("acme").webhookIncludeInputPayload());
        assertTrue(none.settings("Odd_Tenant").slackIncludePersonalData(), "any job's tenant gets defaults, never an exception");
    }
}
