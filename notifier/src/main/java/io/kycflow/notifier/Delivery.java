package io.kycflow.notifier;

import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.notification.ParkedDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One notification to send: its id, which notifier made it, for which job and event, where, and the
 * exact bytes. The body is fixed when the event is read, so every retry sends the same bytes (it travels
 * on the retry topics as a {@link ParkedDelivery}); per-attempt headers (the signature's timestamp) come
 * from the {@link Notifier} at each attempt.
 *
 * @param deliveryId the same for every attempt of one event to one target, so the attempt log groups them
 * @param dataKeyRef the job's data key, which seals the body when it is parked ({@code HasDataKey.NO_PERSONAL_DATA}
 *                   for a test event)
 */
public record Delivery(String deliveryId, String target, String jobKey, String tenantId, String eventId,
                       String eventType, URI url, byte[] body, String dataKeyRef) {

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
            return Optional.of(new Delivery(automaticId(event.eventId(), target), target, job.key().toString(),
                    job.tenantId(), event.eventId(), event.eventType(), new URI(url.trim()), body.get(), job.dataKeyRef()));
        } catch (URISyntaxException e) {
            log.warn("{} for {} event {} not sent: the URL is malformed", target, job.key(), event.eventId());
            return Optional.empty();
        }
    }

    /** The id of the automatic delivery of an event to a target: derived, so a re-read event keeps it. */
    static String automaticId(String eventId, String target) {
        return UUID.nameUUIDFromBytes((eventId + "#" + target).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** This delivery under another id: a re-send asked for by hand is a delivery of its own. */
    Delivery withDeliveryId(String id) {
        return new Delivery(id, target, jobKey, tenantId, eventId, eventType, url, body, dataKeyRef);
    }

    /** This delivery parked for attempt {@code nextAttempt}, not before {@code dueAt}. */
    ParkedDelivery park(int nextAttempt, Instant firstAttemptAt, Instant dueAt, String lastOutcome) {
        return new ParkedDelivery(ParkedDelivery.SCHEMA_VERSION, deliveryId, target, jobKey, tenantId, eventId, eventType,
                url.toString(), body, nextAttempt, firstAttemptAt, dueAt, lastOutcome, dataKeyRef);
    }

    /** The delivery a parked record holds. */
    static Delivery unpark(ParkedDelivery parked) throws URISyntaxException {
        return new Delivery(parked.deliveryId(), parked.target(), parked.jobKey(), parked.tenantId(), parked.eventId(),
                parked.eventType(), new URI(parked.url()), parked.body(), parked.dataKeyRef());
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
