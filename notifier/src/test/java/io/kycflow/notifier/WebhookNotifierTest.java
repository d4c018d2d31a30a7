package io.kycflow.notifier;

import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.kycflow.notifier.WebhookSecretsTest.NEW;
import static io.kycflow.notifier.WebhookSecretsTest.OLD;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WebhookNotifierTest {

    private static final String OTHER = "whsec_someone-elses-0123456789";

    private static JobEvent terminal(String tenant) {
        return TestEvents.terminal(TestEvents.job(tenant, "job-1", JobStatus.COMPLETE, "https://hooks.example.com/kyc", null, 4));
    }

    @Test
    void duringARotationTheSignatureVerifiesWithTheOldOrTheNewSecretAlone() {
        WebhookNotifier notifier = new WebhookNotifier(WebhookSecrets.rotating(Map.of("acme", List.of(NEW, OLD))));
        Delivery delivery = notifier.prepare(terminal("acme")).orElseThrow();
        Instant now = Instant.now();
        String header = notifier.headers(delivery, now).get(WebhookSignature.HEADER);
        assertEquals(WebhookSignature.Result.VALID, WebhookSignature.verify(header, delivery.body(), NEW, now));
        assertEquals(WebhookSignature.Result.VALID, WebhookSignature.verify(header, delivery.body(), OLD, now));
        assertEquals(WebhookSignature.Result.MISMATCH, WebhookSignature.verify(header, delivery.body(), OTHER, now));
    }
}
