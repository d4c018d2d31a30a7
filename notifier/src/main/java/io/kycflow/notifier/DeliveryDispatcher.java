package io.kycflow.notifier;

import io.kycflow.common.notification.DeliveryAttempt;
import io.kycflow.common.notification.DeliveryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes one attempt of a delivery and writes what follows from it to the {@link DeliveryJournal}: the
 * attempt record, and the delivery parked on the retry tier the {@link RetrySchedule} picks (or on the
 * DLQ after the last attempt). Nothing waits in memory between attempts: the retry topics hold them, so
 * a crash loses none and a slow receiver holds up only its own deliveries. Attempts run on a small pool
 * (the URL guard may wait on DNS) with asynchronous HTTP. Logs carry host, outcome and duration; never a
 * body, a path or personal data.
 */
final class DeliveryDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final int ATTEMPT_THREADS = 8;
    private static final Duration JOURNAL_RETRY = Duration.ofSeconds(5);

    private final HttpDelivery http;
    private final DeliveryPolicy policy;
    private final DeliveryJournal journal;
    private final NotifierMetrics metrics;
    private final Clock clock;
    private final ExecutorService attempts;
    private final ScheduledExecutorService timer;
    private final AtomicInteger pending = new AtomicInteger();

    DeliveryDispatcher(HttpDelivery http, DeliveryPolicy policy, DeliveryJournal journal, NotifierMetrics metrics,
                       Clock clock) {
        this.http = http;
        this.policy = policy;
        this.journal = journal;
        this.metrics = metrics;
        this.clock = clock;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(ATTEMPT_THREADS, ATTEMPT_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemon("notifier-attempt"));
        pool.allowCoreThreadTimeOut(true);
        this.attempts = pool;
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("notifier-journal-retry"));
    }

    /**
     * Makes attempt {@code attempt} of {@code delivery}. The future completes with the delivery's state
     * once the journal has it, and fails when the attempt could not be made or recorded (the caller then
     * leaves its source record uncommitted, so the attempt is made again later).
     */
    CompletableFuture<DeliveryStatus> attempt(Notifier notifier, Delivery delivery, int attempt, Instant firstAttemptAt) {
        CompletableFuture<DeliveryStatus> recorded = new CompletableFuture<>();
        pending.incrementAndGet();
        recorded.whenComplete((state, error) -> pending.decrementAndGet());
        try {
            attempts.execute(() -> run(notifier, delivery, attempt, firstAttemptAt, recorded));
        } catch (RejectedExecutionException e) {
            recorded.completeExceptionally(new IllegalStateException("the notifier is stopping"));
        }
        return recorded;
    }

    /** Attempts started and not yet recorded. */
    int pending() {
        return pending.get();
    }

    private void run(Notifier notifier, Delivery delivery, int attempt, Instant firstAttemptAt,
                     CompletableFuture<DeliveryStatus> recorded) {
        Instant at = clock.instant();
        Map<String, String> headers;
        try {
            headers = notifier.headers(delivery, at);
        } catch (RuntimeException e) {
            // e.g. the tenant's signing secret is gone: no attempt can succeed
            conclude(delivery, attempt, firstAttemptAt, at,
                    AttemptOutcome.stoppingError("not sent: " + e.getMessage(), Duration.ZERO), recorded);
            return;
        }
        http.attempt(delivery, headers).whenComplete((outcome, error) -> {
            AttemptOutcome result = error == null ? outcome // HttpDelivery never fails its future; a bug if it does
                    : AttemptOutcome.stoppingError("internal error (" + error.getClass().getSimpleName() + ")",
                    Duration.ZERO);
            conclude(delivery, attempt, firstAttemptAt, at, result, recorded);
        });
    }

    private void conclude(Delivery delivery, int attempt, Instant firstAttemptAt, Instant at, AttemptOutcome outcome,
                          CompletableFuture<DeliveryStatus> recorded) {
        Instant now = clock.instant();
        DeliveryStatus state;
        Optional<DeliveryJournal.Next> next = Optional.empty();
        Instant nextAttemptAt = null;
        String then;
        switch (outcome.next()) {
            case DELIVERED -> {
                state = DeliveryStatus.DELIVERED;
                then = "delivered";
            }
            case STOP -> {
                state = DeliveryStatus.STOPPED;
                then = "not retried";
            }
            default -> {
                Optional<Integer> tier = policy.schedule().tierAfter(attempt, outcome.retryAfter());
                if (tier.isPresent()) {
                    state = DeliveryStatus.PENDING;
                    nextAttemptAt = now.plus(policy.schedule().delay(tier.get()));
                    next = Optional.of(new DeliveryJournal.Retry(tier.get(),
                            delivery.park(attempt + 1, firstAttemptAt, nextAttemptAt, outcome.describe())));
                    then = "retry tier " + tier.get() + " at " + nextAttemptAt;
                } else {
                    state = DeliveryStatus.DEAD_LETTERED;
                    next = Optional.of(new DeliveryJournal.DeadLetter(
                            delivery.park(attempt + 1, firstAttemptAt, now, outcome.describe())));
                    then = "dead-lettered";
                }
            }
        }
        log.atLevel(state == DeliveryStatus.DELIVERED || state == DeliveryStatus.PENDING ? Level.INFO : Level.WARN)
                .log("{} {} for {} event {} to {}: attempt {}/{} {} in {} ms, {}", delivery.target(), delivery.eventType(),
                        delivery.jobKey(), delivery.eventId(), delivery.host(), attempt, policy.maxAttempts(),
                        outcome.describe(), outcome.duration().toMillis(), then);
        metrics.attempted(delivery.target(), state, outcome.duration());
        DeliveryAttempt record = new DeliveryAttempt(DeliveryAttempt.SCHEMA_VERSION, delivery.deliveryId(),
                delivery.eventId(), delivery.eventType(), delivery.target(), delivery.host(), attempt, at,
                outcome.statusCodeOrNull(), outcome.error(), outcome.duration().toMillis(), state, nextAttemptAt);
        record(delivery, record, next, state, recorded);
    }

    /** Writes the attempt's records, again and again while Kafka refuses them: its source is committed only after. */
    private void record(Delivery delivery, DeliveryAttempt record, Optional<DeliveryJournal.Next> next,
                        DeliveryStatus state, CompletableFuture<DeliveryStatus> recorded) {
        journal.write(delivery.jobKey(), record, next).whenComplete((ok, error) -> {
            if (error == null) {
                recorded.complete(state);
                return;
            }
            log.error("{}: attempt {} could not be recorded ({}); trying again in {} s", delivery, record.attempt(),
                    error.getClass().getSimpleName(), JOURNAL_RETRY.toSeconds());
            try {
                timer.schedule(() -> record(delivery, record, next, state, recorded), JOURNAL_RETRY.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                recorded.completeExceptionally(error); // never committed: the attempt is made again after a restart
            }
        });
    }

    /** Stops making attempts; those not recorded are made again after a restart (their records stay uncommitted). */
    @Override
    public void close() {
        timer.shutdownNow();
        attempts.shutdownNow();
        try {
            attempts.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pending.get() > 0) {
            log.info("stopped with {} attempts unrecorded; they will be made again after a restart", pending.get());
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
