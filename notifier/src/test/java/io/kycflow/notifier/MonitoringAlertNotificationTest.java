package io.kycflow.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.json.Json;
import io.kycflow.common.monitoring.MonitoringAlert;
import io.kycflow.common.net.SlackWebhookHosts;
import io.kycflow.common.tenant.TenantDirectory;
import io.kycflow.common.tenant.TenantSettings;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A {@code monitoring.alert} reaches the job's webhook (unsubscribed) and Slack, naming the alert and its list version. */
class MonitoringAlertNotificationTest {

    private static final String SECRET = "whsec_monitoring-test-0123456789";

    private static JobEvent alertEvent(String tenant) {
        Job finished = TestEvents.job(tenant, "job-1", JobStatus.COMPLETE, "https://hooks.example.com/kyc",
                "https://hooks.slack.com/services/T0/B0/abc", 4);
        MonitoringAlert alert = new MonitoringAlert("alert-1", "ofac_sdn", "2024-07-02", LocalDate.parse("2024-07-02"),
                "sha", "36", "hash", MonitoringAlert.ADDED, "STRONG_MATCH", 0.97, "DOE, Jane", "Jane DOE",
                "List ofac_sdn, primary name \"DOE, Jane\"", TestEvents.T0);
        Job alerted = finished.toBuilder().monitoring(finished.monitoring().start(TestEvents.T0).withAlert(alert))
                .eventSequence(5).build();
        return JobEvent.of(JobEvent.MONITORING_ALERT, alerted, TestEvents.T0.plusSeconds(60));
    }

    @Test
    void theWebhookGetsTheAlertWhetherOrNotItSubscribed() throws Exception {
        WebhookNotifier notifier = new WebhookNotifier(WebhookSecrets.of(Map.of("acme", SECRET)), TenantDirectory.of(List.of()));
        Delivery delivery = notifier.prepare(alertEvent("acme")).orElseThrow();
        assertEquals(JobEvent.MONITORING_ALERT, delivery.eventType());
        JsonNode body = Json.mapper().readTree(delivery.body());
        assertEquals("monitoring.alert", body.get("event_type").asText());
        JsonNode alert = body.get("alert");
        assertEquals("job-1", alert.get("job_id").asText());
        assertEquals("case-job-1", alert.get("case_id").asText());
        assertEquals("2024-07-02", alert.get("list_version").asText());
        assertEquals("kyc.monitoring", alert.get("check_id").asText());
        assertEquals("36", alert.get("hit_id").asText());
        assertEquals("Jane DOE", alert.get("matched_name").asText(), "revealed to the data's owner");
        assertEquals(1, body.at("/monitoring/alerts").size());
    }

    @Test
    void slackGetsAnAlertMessageWithoutPersonalDataUnlessTheTenantAllowsIt() {
        SlackNotifier slack = new SlackNotifier(Optional.empty(), TenantDirectory.of(List.of(
                new TenantSettings("acme", List.of(SECRET), true, false))), SlackWebhookHosts.SLACK_ONLY);
        String anonymous = new String(slack.prepare(alertEvent("acme")).orElseThrow().body(), StandardCharsets.UTF_8);
        assertTrue(anonymous.contains("Monitoring alert"), anonymous);
        assertTrue(anonymous.contains("2024-07-02") && anonymous.contains("ofac_sdn 36"), anonymous);
        assertFalse(anonymous.contains("Jane"), "acme keeps personal data out of Slack: " + anonymous);
        String named = new String(slack.prepare(alertEvent("globex")).orElseThrow().body(), StandardCharsets.UTF_8);
        assertTrue(named.contains("Jane Doe") && named.contains("DOE, Jane"), "globex allows it (the default): " + named);
        Job started = alertEvent("acme").job();
        assertTrue(slack.prepare(JobEvent.of(JobEvent.HIT_REVIEWED, started, TestEvents.T0)).isEmpty(),
                "other non-terminal events stay out of Slack");
    }
}
