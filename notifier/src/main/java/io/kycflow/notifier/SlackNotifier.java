package io.kycflow.notifier;

import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.json.Json;
import io.kycflow.common.tenant.TenantDirectory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The job's Slack incoming webhook ({@code slack_webhook_url}): a {@link SlackMessage}, unsigned (Slack's URL is the secret). */
public final class SlackNotifier implements Notifier {

    public static final String TARGET = "slack";


    private final Optional<String> publicBaseUrl;
    private final TenantDirectory tenants;

    public SlackNotifier(Optional<String> publicBaseUrl, TenantDirectory tenants) {
        this.publicBaseUrl = publicBaseUrl;
        this.tenants = tenants;
    }

    /**
     * Every tenant with the default settings (personal data included). Only until NotifierService builds
     * its notifiers with {@link Notifiers#create}; then this goes.
     */
    public SlackNotifier(Optional<String> publicBaseUrl) {
        this(publicBaseUrl, TenantDirectory.of(List.of()));
    }

    @Override
    public String target() {
        return TARGET;
    }

    @Override
    public Optional<Delivery> prepare(JobEvent event) {
        Job job = event.job();
        String url = job.notifications() == null ? null : job.notifications().slackWebhookUrl();
        boolean personalData = tenants.settings(job.tenantId()).slackIncludePersonalData();
        return Delivery.of(TARGET, event, url, () -> Json.toBytes(SlackMessage.render(job, publicBaseUrl, personalData)));
    }

    @Override
    public Map<String, String> headers(Delivery delivery, Instant attemptAt) {
        return Map.of("Content-Type", "application/json");
    }
}
