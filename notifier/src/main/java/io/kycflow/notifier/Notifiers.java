package io.kycflow.notifier;

import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.net.SlackWebhookHosts;
import io.kycflow.common.tenant.TenantDirectory;

import java.util.List;

/** The notifiers of a running notifier, built from configuration in one place. */
public record Notifiers(WebhookNotifier webhook, SlackNotifier slack) {

    /**
     * The webhook and the Slack notifier with each tenant's settings ({@code KYCFLOW_TENANTS_FILE}), the
     * Slack hosts ({@code KYCFLOW_SLACK_WEBHOOK_HOSTS}) and the Slack link base ({@code KYCFLOW_PUBLIC_BASE_URL}).
     */
    public static Notifiers create(KycflowConfig config, WebhookSecrets secrets) {
        TenantDirectory tenants = TenantDirectory.load(config);
        return new Notifiers(new WebhookNotifier(secrets, tenants), new SlackNotifier(config.publicBaseUrl(), tenants,
                new SlackWebhookHosts(config.slackWebhookHosts())));
    }

    /** Every notifier, in the order an event's deliveries are started. */
    public List<Notifier> all() {
        return List.of(webhook, slack);
    }
}
