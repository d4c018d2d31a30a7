package io.kycflow.common.job;

import io.kycflow.common.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NotificationTargetsTest {

    @Test
    void aJobWrittenBeforeSubscriptionsReadsAsTerminalOnly() throws Exception {
        NotificationTargets old = Json.mapper().readValue(
                "{\"webhook_url\":\"https://a.example/h\",\"slack_webhook_url\":null}", NotificationTargets.class);
        assertEquals(new NotificationTargets("https://a.example/h", null, List.of()), old);
        NotificationTargets explicitNull = Json.mapper().readValue(
                "{\"webhook_url\":\"https://a.example/h\",\"webhook_events\":null}", NotificationTargets.class);
        assertEquals(List.of(), explicitNull.webhookEvents());
    }

    @Test
    void theSubscriptionSurvivesTheRoundTrip() throws Exception {
        NotificationTargets targets = new NotificationTargets("https://a.example/h", null,
                List.of(JobEvent.JOB_STARTED, JobEvent.CHECK_FINISHED));
        String json = Json.mapper().writeValueAsString(targets);
        assertEquals("{\"webhook_url\":\"https://a.example/h\",\"slack_webhook_url\":null,"
                + "\"webhook_events\":[\"job.started\",\"check.finished\"]}", json);
        assertEquals(targets, Json.mapper().readValue(json, NotificationTargets.class));
    }
}
