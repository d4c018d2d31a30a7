package io.kycflow.common.job;

import java.util.List;

/**
 * Where the notifier tells about a job: the client's webhook and Slack incoming-webhook URLs (either may
 * be null), and the events the webhook subscribed to besides the terminal one it always gets
 * ({@link JobEvent#SUBSCRIBABLE}). A job written before subscriptions existed has no
 * {@code webhook_events} and reads as terminal-only.
 */
public record NotificationTargets(String webhookUrl, String slackWebhookUrl, List<String> webhookEvents) {

    public static final NotificationTargets NONE = new NotificationTargets(null, null);

    public NotificationTargets {
        webhookEvents = webhookEvents == null ? List.of() : List.copyOf(webhookEvents);
    }

    /** Terminal events only. */
    public NotificationTargets(String webhookUrl, String slackWebhookUrl) {
        this(webhookUrl, slackWebhookUrl, List.of());
    }
}
