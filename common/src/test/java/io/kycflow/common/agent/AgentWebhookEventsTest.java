package io.kycflow.common.agent;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentWebhookEventsTest {

    private static AgentCatalog parse(String webhookEvents) throws Exception {
        String json = "{\"agents\":[{\"key\":\"a\",\"version\":\"1\",\"checks\":[{\"id\":\"kyc.identity_data_validation_check\"}]"
                + (webhookEvents == null ? "" : ",\"webhook_events\":" + webhookEvents) + "}]}";
        return AgentCatalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test agents");
    }

    @Test
    void anAgentMaySubscribeItsWebhooksToProgressAndPerCheckEvents() throws Exception {
        assertEquals(List.of("job.started", "check.finished"),
                parse("[\"job.started\",\"check.finished\",\"job.started\"]").find("a").orElseThrow().webhookEvents());
        assertEquals(List.of(), parse(null).find("a").orElseThrow().webhookEvents(), "absent: terminal only");
        assertEquals(List.of(), AgentCatalog.bundled().find("public-kyc").orElseThrow().webhookEvents());
    }

    @Test
    void anUnknownEventStopsStartUpNamingTheAgent() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> parse("[\"job.finished\"]"));
        assertTrue(e.getMessage().contains("agent a: webhook_events") && e.getMessage().contains("job.finished"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("\"job.started\""));
    }
}
