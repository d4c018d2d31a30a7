package io.kycflow.notifier;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.net.SlackWebhookHosts;
import io.kycflow.common.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackNotifierTest {

    private static final TenantDirectory NO_TENANTS = TenantDirectory.of(List.of());

    private static JobEvent terminal(String slackUrl) {
        return TestEvents.terminal(TestEvents.job("acme", "job-1", JobStatus.COMPLETE, null, slackUrl, 4));
    }

    @Test
    void onlySlacksIncomingWebhookHostByDefault() {
        SlackNotifier notifier = new SlackNotifier(Optional.empty(), NO_TENANTS, SlackWebhookHosts.SLACK_ONLY);
        assertTrue(notifier.prepare(terminal("https://hooks.slack.com/services/T0/B0/abc")).isPresent());

        Logger logger = (Logger) LoggerFactory.getLogger(SlackNotifier.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            assertTrue(notifier.prepare(terminal("https://collector.example/services/T0/B0/token-xyz")).isEmpty());
            assertTrue(notifier.prepare(terminal("http://127.0.0.1:9/services/T0/B0/token-xyz")).isEmpty());
        } finally {
            logger.detachAppender(logs);
        }
        assertEquals(2, logs.list.size(), "each refusal is logged");
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage();
            assertTrue(line.contains("not on a Slack incoming-webhook host"), line);
            assertFalse(line.contains("token-xyz") || line.contains("/services/") || line.contains("collector.example"),
                    "no URL in the log: " + line);
        }
    }

    @Test
    void configuredHostsReplaceSlacksOwn() {
        SlackNotifier notifier = new SlackNotifier(Optional.empty(), NO_TENANTS,
                new SlackWebhookHosts(List.of("127.0.0.1", "localhost")));
        assertTrue(notifier.prepare(terminal("http://127.0.0.1:9999/slack")).isPresent());
        assertTrue(notifier.prepare(terminal("http://LOCALHOST:9999/slack")).isPresent());
        assertTrue(notifier.prepare(terminal("https://hooks.slack.com/services/T0/B0/abc")).isEmpty());
    }
}
