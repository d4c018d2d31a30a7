package io.kycflow.notifier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobView;
import io.kycflow.common.json.Json;
import io.kycflow.common.tenant.TenantDirectory;
import io.kycflow.common.tenant.TenantSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client's webhook: the public Job object plus {@code event_id}, {@code event_type} and
 * {@code sequence} (DESIGN.md §1), signed with the tenant's secrets at each attempt. Sent for the terminal
 * event and the events the job's webhook subscribed to. A tenant that keeps the subject's data out of its
 * webhooks gets the body without {@code input_payload}.
 */
public final class WebhookNotifier implements Notifier {

    public static final String TARGET = "webhook";
    public static final String EVENT_ID_HEADER = "X-Kycflow-Event-Id";

    /**
     * Check results are always included for now; DESIGN.md says "where the agent or tenant asks", which
     * needs a per-agent setting that does not exist yet.
     */
    static final JobView.Include INCLUDE = new JobView.Include(true, false, false);

    private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);

    private final WebhookSecrets secrets;
    private final TenantDirectory tenants;

    public WebhookNotifier(WebhookSecrets secrets, TenantDirectory tenants) {
        this.secrets = secrets;
        this.tenants = tenants;
    }

    @Override
    public String target() {
        return TARGET;
    }

    @Override
    public boolean mayWant(EventHead event) {
        return EventSubscription.webhookOf(event.notifications()).includes(event.eventType(), event.jobStatus());
    }

    @Override
    public Optional<Delivery> prepare(JobEvent event) {
        return EventSubscription.webhookOf(event.job()).includes(event) ? prepareResend(event) : Optional.empty();
    }

    /** The delivery of {@code event} to the job's webhook, subscribed or not (a re-send asked for by hand). */
    Optional<Delivery> prepareResend(JobEvent event) {
        Job job = event.job();
        String url = job.notifications() == null ? null : job.notifications().webhookUrl();
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        if (secrets.secretsFor(job.tenantId()).isEmpty()) {
            log.warn("webhook for {} event {} not sent: tenant {} has no signing secret", job.key(), event.eventId(),
                    job.tenantId());
            return Optional.empty();
        }
        return Delivery.of(TARGET, event, url, () -> body(event));
    }

    /** The body, serialised once: retries send these bytes unchanged. */
    public byte[] body(JobEvent event) {
        TenantSettings tenant = tenants.settings(event.job().tenantId());
        ObjectNode body = JobView.render(event.job(),
                tenant.webhookIncludeInputPayload() ? INCLUDE : INCLUDE.withoutInputPayload());
        body.put("event_id", event.eventId());
        body.put("event_type", event.eventType());
        body.put("sequence", event.sequence());
        body.put("occurred_at", event.occurredAt() == null ? null : event.occurredAt().toString());
        if (JobEvent.MONITORING_ALERT.equals(event.eventType())) {
            // The alert this event is about: the latest on the job (the registry appends it with the event).
            event.job().monitoring().latestAlert().ifPresent(a -> body.set("alert", JobView.alert(event.job(), a)));
        }
        return Json.toBytes(body);
    }

    @Override
    public Map<String, String> headers(Delivery delivery, Instant attemptAt) {
        List<String> tenantSecrets = secrets.secretsFor(delivery.tenantId());
        if (tenantSecrets.isEmpty()) {
            throw new IllegalStateException("tenant " + delivery.tenantId() + " has no webhook signing secret");
        }
        return Map.of(
                "Content-Type", "application/json",
                EVENT_ID_HEADER, delivery.eventId(),
                WebhookSignature.HEADER, WebhookSignature.sign(tenantSecrets, attemptAt, delivery.body()));
    }
}
