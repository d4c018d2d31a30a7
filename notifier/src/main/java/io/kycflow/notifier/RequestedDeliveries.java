package io.kycflow.notifier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.crypto.HasDataKey;
import io.kycflow.common.json.Json;
import io.kycflow.common.notification.NotificationRequest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The deliveries asked for through the API ({@code kyc.notifications.requests}): a re-send of a job's
 * event ({@code triggerWebhook}, to the job's webhook or the URL given) and a signed test event
 * ({@code testWebhook}). Each is a delivery of its own (its own id, its own attempts), signed and retried
 * like any other. A re-sent event keeps its {@code event_id}: it is the same event, and a receiver that
 * has it already may drop it.
 */
final class RequestedDeliveries {

    private RequestedDeliveries() {
    }

    static Optional<Delivery> of(NotificationRequest request, WebhookNotifier webhook) throws URISyntaxException {
        return switch (request.kind()) {
            case TRIGGER -> trigger(request, webhook);
            case TEST -> Optional.of(test(request));
        };
    }

    private static Optional<Delivery> trigger(NotificationRequest request, WebhookNotifier webhook) {
        if (request.event() == null || request.event().job() == null) {
            return Optional.empty();
        }
        Optional<Delivery> delivery = request.webhookUrl() == null || request.webhookUrl().isBlank()
                ? webhook.prepareResend(request.event())
                : Delivery.of(WebhookNotifier.TARGET, request.event(), request.webhookUrl(),
                () -> webhook.body(request.event()));
        return delivery.map(d -> d.withDeliveryId(request.requestId()));
    }

    private static Delivery test(NotificationRequest request) throws URISyntaxException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("event_id", request.requestId());
        body.put("event_type", NotificationRequest.TEST_EVENT_TYPE);
        body.put("sequence", 0);
        body.put("job_id", request.jobId());
        body.put("created_at", request.requestedAt().toString());
        body.put("message", "A test event from kycflow: your endpoint received it and can check its signature.");
        return new Delivery(request.requestId(), WebhookNotifier.TARGET, request.tenantId() + "/" + request.jobId(),
                request.tenantId(), request.requestId(), NotificationRequest.TEST_EVENT_TYPE, new URI(request.webhookUrl()),
                Json.toBytes(body), HasDataKey.NO_PERSONAL_DATA);
    }
}
