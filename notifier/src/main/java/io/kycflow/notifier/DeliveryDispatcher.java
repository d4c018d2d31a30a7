package io.kycflow.notifier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs deliveries and their retries without holding anyone up: attempts run on a small pool (the URL
 * guard may wait on DNS), HTTP is asynchronous, and a retry is a timer, never a sleeping thread. So a
 * slow or dead receiver costs its own deliveries time and nobody else's. Every attempt is logged with
 * host, outcome and duration; never a body, a path or personal data.
 *
 * <p>Retries live in memory: a stop or crash drops them, and since the consumer commits an event only
 * once its deliveries have ended, the event is read and sent again after a restart (same event_id).
 */
final class DeliveryDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final int ATTEMPT_THREADS = 8;

    private final HttpDelivery http;
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final ExecutorService attempts;
    private final ScheduledExecutorService timer;
    private final AtomicInteger pending = new AtomicInteger();

    DeliveryDispatcher(HttpDelivery http, DeliveryPolicy policy, Clock clock) {
        this.http = http;
        this.policy = policy;
        this.clock = clock;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(ATTEMPT_THREADS, ATTEMPT_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemon("notifier-attempt"));
        pool.allowCoreThreadTimeOut(true);
        this.attempts = pool;
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemon("notifier-retry-timer"));
        scheduler.setRemoveOnCancelPolicy(true);
        this.timer = scheduler;
    }

    /** Starts a delivery; the future completes when it has ended one way or the other. */
    CompletableFuture<DeliveryState> dispatch(Notifier notifier, Delivery delivery) {
        CompletableFuture<DeliveryState> ended = new CompletableFuture<>();
        pending.incrementAndGet();
        ended.whenComplete((state, error) -> pending.decrementAndGet());
        submit(notifier, delivery, 1, ended);
        return ended;
    }

    /** Deliveries started and not yet ended (attempting or waiting for a retry). */
    int pending() {
        return pending.get();
    }

    private void submit(Notifier notifier, Delivery delivery, int attempt, CompletableFuture<DeliveryState> ended) {
        try {
            attempts.execute(() -> attempt(notifier, delivery, attempt, ended));
        } catch (RejectedExecutionException e) {
            // Stopping: the event stays uncommitted and is sent again after a restart.
            log.info("{}: attempt {} not made, the notifier is stopping", delivery, attempt);
        }
    }

    private void attempt(Notifier notifier, Delivery delivery, int attempt, CompletableFuture<DeliveryState> ended) {
        Map<String, String> headers;
        try {
            headers = notifier.headers(delivery, clock.instant());
        } catch (RuntimeException e) {
            log.warn("{}: stopped before attempt {}: {}", delivery, attempt, e.getMessage());
            ended.complete(DeliveryState.STOPPED);
            return;
        }
        http.attempt(delivery, headers).whenComplete((outcome, error) -> {
            if (error != null) { // HttpDelivery never fails its future; this is a bug, not a receiver's answer
                log.error("{}: attempt {} failed unexpectedly", delivery, attempt, error);
                ended.complete(DeliveryState.STOPPED);
                return;
            }
            conclude(notifier, delivery, attempt, outcome, ended);
        });
    }

    private void conclude(Notifier notifier, Delivery delivery, int attempt, AttemptOutcome outcome,
                          CompletableFuture<DeliveryState> ended) {
        switch (outcome.next()) {
            case DELIVERED -> {
                logAttempt(Level.INFO, delivery, attempt, outcome, "delivered");
                ended.complete(DeliveryState.DELIVERED);
            }
            case STOP -> {
                logAttempt(Level.WARN, delivery, attempt, outcome, "not retried");
                ended.complete(DeliveryState.STOPPED);
            }
            case RETRY -> {
                if (attempt >= policy.maxAttempts()) {
                    logAttempt(Level.WARN, delivery, attempt, outcome, "giving up");
                    ended.complete(DeliveryState.GAVE_UP);
                    return;
                }
                Duration delay = policy.delayBefore(attempt + 1);
                logAttempt(Level.INFO, delivery, attempt, outcome, "retry in " + delay.toMillis() + " ms");
                try {
                    timer.schedule(() -> submit(notifier, delivery, attempt + 1, ended), delay.toMillis(),
                            TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    log.info("{}: retry not scheduled, the notifier is stopping", delivery);
                }
            }
        }
    }

    private void logAttempt(Level level, Delivery delivery, int attempt, AttemptOutcome outcome, String then) {
        log.atLevel(level).log("{} {} for {} event {} to {}: attempt {}/{} {} in {} ms, {}", delivery.target(),
                delivery.eventType(), delivery.jobKey(), delivery.eventId(), delivery.host(), attempt,
                policy.maxAttempts(), outcome.describe(), outcome.duration().toMillis(), then);
    }

    /** Drops waiting retries; their events were not committed, so a restart sends them again. */
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
            log.info("stopped with {} deliveries unfinished; they will be sent again after a restart", pending.get());
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
