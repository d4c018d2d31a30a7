package io.kycflow.notifier;

import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.json.Json;
import io.kycflow.common.net.SlackWebhookHosts;
import io.kycflow.common.tenant.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The job's Slack incoming webhook ({@code slack_webhook_url}): a {@link SlackMessage}, unsigned (Slack's URL is the secret). */
public final class SlackNotifier implements Notifier {

    public static final String TARGET = "slack";


    private static final Logger log = LoggerFactory.getLogger(SlackNotifier.class);

    private final Optional<String> publicBaseUrl;
    private final TenantDirectory tenants;
    private final SlackWebhookHosts hosts;

    public SlackNotifier(Optional<String> publicBaseUrl, TenantDirectory tenants, SlackWebhookHosts hosts) {
        this.publicBaseUrl = publicBaseUrl;
        this.tenants = tenants;
        this.hosts = hosts;
    }

    @Override
    public String target() {
        return TARGET;
    }

    @Override
    public boolean mayWant(EventHead event) {
        return JobEvent.MONITORING_ALERT.equals(event.eventType())
                || EventSubscription.TERMINAL_ONLY.includes(event.eventType(), event.jobStatus());
    }

    @Override
    public Optional<Delivery> prepare(JobEvent event) {
        boolean alert = JobEvent.MONITORING_ALERT.equals(event.eventType()) && event.job().monitoring().latestAlert().isPresent();
        if (!alert && !EventSubscription.TERMINAL_ONLY.includes(event)) {
            // Slack hears about finished jobs and monitoring alerts only: a channel is no place for progress
            return Optional.empty();
        }
        Job job = event.job();
        String url = job.notifications() == null ? null : job.notifications().slackWebhookUrl();
        if (url != null && !url.isBlank() && !hosts.allows(url)) {
            // Checked at submission too; this catches jobs accepted before the rule or under another list.
            // Never the URL in the log: Slack's path is its secret.
            log.warn("slack for {} event {} not sent: the URL is not on a Slack incoming-webhook host", job.key(),
                    event.eventId());
            return Optional.empty();
        }
        boolean personalData = tenants.settings(job.tenantId()).slackIncludePersonalData();
        return Delivery.of(TARGET, event, url, () -> Json.toBytes(alert
                ? SlackMessage.renderAlert(job, job.monitoring().latestAlert().orElseThrow(), publicBaseUrl, personalData)
                : SlackMessage.render(job, publicBaseUrl, personalData)));
    }

    @Override
    public Map<String, String> headers(Delivery delivery, Instant attemptAt) {
        return Map.of("Content-Type", "application/json");
    }
}
