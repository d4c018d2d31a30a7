package io.kycflow.bench.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Steady startKYCAgentJob load at a fixed rate, as a well-behaved client offers it: each submission has a
 * new job_id (or, for a share of them, repeats a job_id already answered 200, which must be a 409), and a
 * 503, a 429 or a failed connection is retried with the same job_id until the answer is 200 or 409.
 * Submissions are paced by a schedule shared by the workers; a slot more than {@link #LATE} late (every
 * worker busy retrying through an outage) is skipped and counted, so the load does not burst afterwards.
 */
final class FailoverLoad {

    private static final Duration LATE = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** The pause before retrying a failed connection, or a 503 without Retry-After. */
    private static final Duration RETRY_DELAY = Duration.ofMillis(250);
    /** A submission still unresolved after this long is given up and reported: a real client would alert. */
    static final Duration GIVE_UP = Duration.ofSeconds(120);
    private static final String BODY = """
            {"agent_key":"kyc-identity-only","job_id":"%s","kyc_schema":{"id":"case-%s","self_attested_data":\
            {"first_name":"Jane","last_name":"Doe","date_of_birth":"1990-01-01"}}}""";

    private final HttpClient http;
    private final URI submitUri;
    private final String bearer;
    private final SubmissionLedger ledger;
    private final String runId;
    private final double rate;
    private final double resubmissionShare;
    private final int workers;
    private final AtomicLong nextSlot = new AtomicLong();
    private final java.util.Queue<Long> skippedSlots = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicLong givenUp = new AtomicLong();
    private volatile long startNanos;
    private volatile long endNanos;

    FailoverLoad(String baseUrl, String apiKey, SubmissionLedger ledger, String runId, double rate,
                 double resubmissionShare, int workers) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.submitUri = URI.create(baseUrl + "/api/v1/startKYCAgentJob");
        this.bearer = "Bearer " + apiKey;
        this.ledger = ledger;
        this.runId = runId;
        this.rate = rate;
        this.resubmissionShare = resubmissionShare;
        this.workers = workers;
    }

    /** Starts the workers; the load runs for {@code duration} from now, then {@link #awaitEnd()} drains retries. */
    Running start(Duration duration) {
        startNanos = System.nanoTime();
        endNanos = startNanos + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            futures.add(pool.submit(this::work));
        }
        pool.shutdown();
        return new Running(pool, futures);
    }

    /** When each skipped slot was due ({@link System#nanoTime()}). */
    List<Long> skippedSlots() {
        return List.copyOf(skippedSlots);
    }

    long givenUp() {
        return givenUp.get();
    }

    long startNanos() {
        return startNanos;
    }

    record Running(ExecutorService pool, List<Future<?>> futures) {
        /** Waits until every worker has finished its last submission, retries included. */
        void awaitEnd() throws InterruptedException {
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a load worker failed", e.getCause());
                }
            }
        }
    }

    private void work() {
        long periodNanos = (long) (1e9 / rate);
        while (true) {
            long n = nextSlot.getAndIncrement();
            long slot = startNanos + n * periodNanos;
            if (slot >= endNanos) {
                return;
            }
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            } else if (-wait > LATE.toNanos()) {
                skippedSlots.add(slot);
                continue;
            }
            submit(n);
        }
    }

    private void submit(long n) {
        boolean resubmission = ThreadLocalRandom.current().nextDouble() < resubmissionShare;
        String jobId = resubmission ? ledger.anAcceptedJobId().orElse(null) : null;
        if (jobId == null) {
            resubmission = false;
            jobId = "cluster-" + runId + "-" + n;
        }
        HttpRequest request = HttpRequest.newBuilder(submitUri).timeout(REQUEST_TIMEOUT)
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(jobId, n % 1000))).build();
        long first = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            long sent = System.nanoTime();
            int status;
            long retryDelay = RETRY_DELAY.toNanos();
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                retryDelay = retryAfter(response).toNanos();
            } catch (IOException e) {
                status = Answer.NO_ANSWER;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Answer answer = new Answer(jobId, resubmission, attempt, sent, System.nanoTime(), status);
            ledger.record(answer);
            if (!answer.retryable()) {
                return;
            }
            if (System.nanoTime() - first > GIVE_UP.toNanos()) {
                givenUp.incrementAndGet();
                return;
            }
            sleepNanos(retryDelay);
        }
    }

    /** The server's Retry-After (whole seconds), as the API contract asks; a short pause when it sent none. */
    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofSeconds(Math.min(5, Math.max(0, Long.parseLong(v.trim()))));
            } catch (NumberFormatException e) {
                return RETRY_DELAY;
            }
        }).orElse(RETRY_DELAY);
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
