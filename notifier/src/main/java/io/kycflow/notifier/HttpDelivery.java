package io.kycflow.notifier;

import io.kycflow.common.net.OutboundUrlGuard;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP attempt: the URL guard (again at every attempt: DNS rebinding), then a POST that follows no
 * redirect, gives up after the attempt timeout, and reads at most a few KiB of the answer. Never
 * throws: every failure becomes an {@link AttemptOutcome}. The guard may block on DNS, so callers run
 * this off the consumer's thread.
 */
final class HttpDelivery {

    private static final String USER_AGENT = "kycflow-notifier/1";

    private final HttpClient http;
    private final OutboundUrlGuard guard;
    private final DeliveryPolicy policy;

    HttpDelivery(HttpClient http, OutboundUrlGuard guard, DeliveryPolicy policy) {
        this.http = http;
        this.guard = guard;
        this.policy = policy;
    }

    /** The client the notifier expects: connect timeout, no redirects (a 3xx could lead past the guard), HTTP/1.1. */
    static HttpClient newClient() {
        return HttpClient.newBuilder()
                .connectTimeout(DeliveryPolicy.CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    CompletableFuture<AttemptOutcome> attempt(Delivery delivery, Map<String, String> headers) {
        long start = System.nanoTime();
        OutboundUrlGuard.Verdict verdict = guard.check(delivery.url());
        if (!verdict.allowed()) {
            AttemptOutcome refused = verdict.unresolved()
                    ? AttemptOutcome.retryableError(verdict.reason(), since(start))
                    : AttemptOutcome.stoppingError("refused by the URL guard: " + verdict.reason(), since(start));
            return CompletableFuture.completedFuture(refused);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(delivery.url())
                .timeout(policy.attemptTimeout())
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        headers.forEach(request::header);

        CompletableFuture<HttpResponse<Void>> exchange;
        try {
            exchange = http.sendAsync(request.build(), info -> new CappedDiscard(policy.responseBodyCap()));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(AttemptOutcome.stoppingError(describe(e), since(start)));
        }
        // The request timeout ends at the response headers; this one also bounds a body that trickles.
        return exchange.copy()
                .orTimeout(policy.attemptTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, error) -> {
                    if (error == null) {
                        return AttemptOutcome.ofStatus(response.statusCode(), since(start),
                                RetryAfter.parse(response.headers().firstValue("Retry-After"), Instant.now()));
                    }
                    exchange.cancel(true);
                    return AttemptOutcome.retryableError(describe(error), since(start));
                });
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** A short cause for logs: the exception's kind, never its message (which may quote the URL). */
    private static String describe(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
            return "timed out";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnresolvedAddressException) {
            return "host does not resolve";
        }
        if (e instanceof IOException) {
            return "I/O error (" + e.getClass().getSimpleName() + ")";
        }
        return "request failed (" + e.getClass().getSimpleName() + ")";
    }

    /** Reads and drops the response body, hanging up once it passes the cap: a receiver cannot make us read much. */
    private static final class CappedDiscard implements HttpResponse.BodySubscriber<Void> {

        private final long cap;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long seen;

        CappedDiscard(long cap) {
            this.cap = cap;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                seen += item.remaining();
            }
            if (seen > cap) {
                done.complete(null);
                subscription.cancel();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            done.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }

        @Override
        public CompletionStage<Void> getBody() {
            return done;
        }
    }
}
