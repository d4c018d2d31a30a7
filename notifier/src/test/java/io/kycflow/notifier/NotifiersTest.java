package io.kycflow.notifier;

import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notifiers as configuration builds them carry the tenants file's settings. */
class NotifiersTest {

    @Test
    void theTenantsFileReachesBothNotifiers(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("tenants.json"), "{\"tenants\":{\"acme\":{\"webhook_secrets\":[\""
                + WebhookSecretsTest.NEW + "\"],\"webhook_include_input_payload\":false,\"slack_include_personal_data\":false}}}");
        KycflowConfig config = KycflowConfig.from(Map.of("KYCFLOW_TENANTS_FILE", file.toString()));
        List<Notifier> notifiers = Notifiers.create(config, WebhookSecrets.fromConfig(config)).all();
        JobEvent event = TestEvents.terminal(TestEvents.job("acme", "job-1", JobStatus.COMPLETE,
                "https://hooks.example.com/kyc", "https://hooks.slack.com/services/T/B/X", 4));
        assertEquals(List.of("webhook", "slack"), notifiers.stream().map(Notifier::target).toList());
        JobEvent offSlack = TestEvents.terminal(TestEvents.job("acme", "job-2", JobStatus.COMPLETE, null,
                "https://collector.example/services/T/B/X", 4));
        assertTrue(notifiers.get(1).prepare(offSlack).isEmpty(), "the Slack host rule is on by default");
        for (Notifier notifier : notifiers) {
            String body = new String(notifier.prepare(event).orElseThrow().body(), StandardCharsets.UTF_8);
            assertFalse(body.contains("Jane"), notifier.target() + ": " + body);
            assertTrue(body.contains("job-1"), notifier.target() + ": " + body);
        }
    }
}
