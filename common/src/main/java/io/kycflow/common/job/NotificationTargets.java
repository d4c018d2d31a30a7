package io.kycflow.common.job;

/** Where the notifier tells about a job: the client's webhook and Slack incoming-webhook URLs (either may be null). */
public record NotificationTargets(String webhookUrl, String slackWebhookUrl) {

    public static final NotificationTargets NONE = new NotificationTargets(null, null);
}
