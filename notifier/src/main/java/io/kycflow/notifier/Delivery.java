package io.kycflow.notifier;

import java.net.URI;

/**
 * One notification to send: which notifier made it, for which job and event, where, and the exact
 * bytes. The body is fixed when the event is read, so every retry sends the same bytes; per-attempt
 * headers (the signature's timestamp) come from the {@link Notifier} at each attempt. Plain data, so a
 * later version can park it on a retry topic.
 */
public record Delivery(String target, String jobKey, String tenantId, String eventId, String eventType, URI url,
                       byte[] body) {

    /** The host alone: logs never carry a URL's path or query, which may hold a token (Slack's do). */
    public String host() {
        return url.getHost() == null ? url.getRawAuthority() : url.getHost();
    }

    @Override
    public String toString() {
        return target + " " + eventType + " " + eventId + " of " + jobKey + " to " + host();
    }
}
