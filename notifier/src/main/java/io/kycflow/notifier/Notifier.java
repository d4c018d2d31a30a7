package io.kycflow.notifier;

import io.kycflow.common.job.JobEvent;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One kind of notification (webhook, Slack): what to send for an event, and the headers of one attempt.
 * Sending, retrying and logging are the dispatcher's, the same for every kind.
 */
public interface Notifier {

    /** The kind, as deliveries and logs name it: {@code webhook}, {@code slack}. */
    String target();

    /**
     * Whether this kind may send anything for an event, judged from its head alone (no personal field read).
     * False only when {@link #prepare} would surely be empty: the service then skips reading the event whole.
     */
    boolean mayWant(EventHead event);

    /** The delivery for this event, or empty when the job has no such target or the event is not for it. */
    Optional<Delivery> prepare(JobEvent event);

    /** The request headers of one attempt made at {@code attemptAt}. */
    Map<String, String> headers(Delivery delivery, Instant attemptAt);
}
