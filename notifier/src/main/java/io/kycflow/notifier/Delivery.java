package io.kycflow.notifier;

import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One notification to send: which notifier made it, for which job and event, where, and the exact
 * bytes. The body is fixed when the event is read, so every retry sends the same bytes; per-attempt
 * headers (the signature's timestamp) come from the {@link Notifier} at each attempt. Plain data, so a
 * later version can park it on a retry topic.
 */
public record Delivery(String target, String jobKey, String tenantId, String eventId, String eventType, URI url,
                       byte[] body) {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    /**
     * The delivery of an event to a job's URL, or empty when the job gave none or it is malformed (logged
     * without the URL). The body is made only when there is somewhere to send it.
     */
    static Optional<Delivery> of(String target, JobEvent event, String url, Supplier<byte[]> body) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        Job job = event.job();
        try {
            return Optional.of(new Delivery(target, job.key().toString(), job.tenantId(), event.eventId(),
                    event.eventType(), new URI(url.trim()), body.get()));
        } catch (URISyntaxException e) {
            log.warn("{} for {} event {} not sent: the URL is malformed", target, job.key(), event.eventId());
            return Optional.empty();
        }
    }

    /** The host alone: logs never carry a URL's path or query, which may hold a token (Slack's do). */
    public String host() {
        return url.getHost() == null ? url.getRawAuthority() : url.getHost();
    }

    @Override
    public String toString() {
        return target + " " + eventType + " " + eventId + " of " + jobKey + " to " + host();
    }
}
