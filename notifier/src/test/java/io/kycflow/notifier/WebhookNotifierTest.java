package io.kycflow.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.json.Json;
import io.kycflow.common.tenant.TenantDirectory;
import io.kycflow.common.tenant.TenantSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.kycflow.notifier.WebhookSecretsTest.NEW;
import static io.kycflow.notifier.WebhookSecretsTest.OLD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookNotifierTest {

    private static final String OTHER = "whsec_someone-elses-0123456789";
    private static final WebhookSecrets SECRETS = WebhookSecrets.rotating(Map.of(
            "acme", List.of(NEW, OLD), "globex", List.of(NEW)));
    /** acme keeps the subject's data out of its webhooks; globex is not configured. */
    private static final TenantDirectory TENANTS = TenantDirectory.of(List.of(
            new TenantSettings("acme", List.of(NEW, OLD), false, true)));

    private static JobEvent terminal(String tenant) {
        return TestEvents.terminal(TestEvents.job(tenant, "job-1", JobStatus.COMPLETE, "https://hooks.example.com/kyc", null, 4));
    }

    @Test
    void duringARotationTheSignatureVerifiesWithTheOldOrTheNewSecretAlone() {
        WebhookNotifier notifier = new WebhookNotifier(SECRETS, TENANTS);
        Delivery delivery = notifier.prepare(terminal("acme")).orElseThrow();
        Instant now = Instant.now();
        String header = notifier.headers(delivery, now).get(WebhookSignature.HEADER);
        assertEquals(WebhookSignature.Result.VALID, WebhookSignature.verify(header, delivery.body(), NEW, now));
        assertEquals(WebhookSignature.Result.VALID, WebhookSignature.verify(header, delivery.body(), OLD, now));
        assertEquals(WebhookSignature.Result.MISMATCH, WebhookSignature.verify(header, delivery.body(), OTHER, now));
    }

    @Test
    void aTenantThatOptsOutGetsBodiesWithoutInputPayload() throws Exception {
        WebhookNotifier notifier = new WebhookNotifier(SECRETS, TENANTS);
        JsonNode optedOut = Json.mapper().readTree(notifier.prepare(terminal("acme")).orElseThrow().body());
        assertFalse(optedOut.has("input_payload"), optedOut.toString());
        assertFalse(optedOut.toString().contains("Jane"), optedOut.toString());
        assertEquals("job-1", optedOut.get("id").asText());
        assertEquals(3, optedOut.get("check_results").size(), "the rest of the Job is unchanged");
        assertTrue(optedOut.has("event_id") && optedOut.has("event_type") && optedOut.has("sequence"));

        JsonNode unconfigured = Json.mapper().readTree(notifier.prepare(terminal("globex")).orElseThrow().body());
        assertEquals("Jane", unconfigured.at("/input_payload/self_attested_data/first_name").asText(),
                "a tenant that did not opt out gets input_payload as before");
    }

    @Test
    void aTenantWithoutSecretsGetsNoWebhook() {
        WebhookNotifier notifier = new WebhookNotifier(SECRETS, TENANTS);
        assertTrue(notifier.prepare(terminal("initech")).isEmpty());
    }
}
