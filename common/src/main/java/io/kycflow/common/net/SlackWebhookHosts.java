package io.kycflow.common.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The hosts a Slack incoming-webhook URL may name ({@code KYCFLOW_SLACK_WEBHOOK_HOSTS}; Slack's own
 * {@code hooks.slack.com} by default). Without it a {@code slack_webhook_url} would be a second, unsigned
 * webhook to anywhere, carrying the subject's name. Checked at submission and again before each
 * delivery; the scheme (https) and the address ranges are the {@link OutboundUrlGuard}'s business.
 */
public record SlackWebhookHosts(List<String> hosts) {

    public static final String SLACK_HOST = "hooks.slack.com";
    public static final SlackWebhookHosts SLACK_ONLY = new SlackWebhookHosts(List.of(SLACK_HOST));

    public SlackWebhookHosts {
        hosts = hosts.stream().map(SlackWebhookHosts::normalise).filter(h -> !h.isEmpty()).distinct().toList();
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("KYCFLOW_SLACK_WEBHOOK_HOSTS names no host");
        }
    }

    /** Whether the URL's host is one of the allowed hosts (exactly, ignoring case); a malformed URL is not. */
    public boolean allows(String url) {
        if (url == null) {
            return false;
        }
        try {
            String host = new URI(url.trim()).getHost();
            return host != null && hosts.contains(normalise(host));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** What a client is told when its URL is refused; the configured hosts are the operator's, not named. */
    public String problem() {
        return hosts.equals(SLACK_ONLY.hosts)
                ? "must be a Slack incoming-webhook URL (https://" + SLACK_HOST + "/services/…)"
                : "must be a Slack incoming-webhook URL on a host this server allows for Slack";
    }

    private static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
