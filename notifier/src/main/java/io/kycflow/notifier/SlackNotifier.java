package io.kycflow.notifier;

import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.json.Json;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The job's Slack incoming webhook ({@code slack_webhook_url}): a {@link SlackMessage}, unsigned (Slack's URL is the secret). */
public final class SlackNotifier implements Notifier {

    public static final String TARGET = "slack";


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
        return Delivery.of(TARGET, event, url, () -> Json.toBytes(SlackMessage.render(job, publicBaseUrl)));
    }

    @Override
    public Map<String, String> headers(Delivery delivery, Instant attemptAt) {
        return Map.of("Content-Type", "application/json");
    }
}
