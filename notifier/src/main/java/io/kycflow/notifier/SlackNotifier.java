package io.kycflow.notifier;

import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The job's Slack incoming webhook ({@code slack_webhook_url}): a {@link SlackMessage}, unsigned (Slack's URL is the secret). */
public final class SlackNotifier implements Notifier {

    public static final String TARGET = "slack";

    private static final Logger log = LoggerFactory.getLogger(SlackNotifier.class);

    private final Optional<String> publicBaseUrl;

    public SlackNotifier(Optional<String> publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public String target() {
        return TARGET;
    }

    @Override
    public Optional<Delivery> prepare(JobEvent event) {
        Job job = event.job();
        String url = job.notifications() == null ? null : job.notifications().slackWebhookUrl();
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            log.warn("Slack message for {} event {} not sent: the URL is malformed", job.key(), event.eventId());
            return Optional.empty();
        }
        byte[] body = Json.toBytes(SlackMessage.render(job, publicBaseUrl));
        return Optional.of(new Delivery(TARGET, job.key().toString(), job.tenantId(), event.eventId(),
                event.eventType(), uri, body));
    }

    @Override
    public Map<String, String> headers(Delivery delivery, Instant attemptAt) {
        return Map.of("Content-Type", "application/json");
    }
}
