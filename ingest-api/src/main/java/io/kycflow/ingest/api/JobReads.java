package io.kycflow.ingest.api;

import io.javalin.http.Context;
import io.kycflow.ingest.query.JobForwarder;
import io.kycflow.ingest.query.JobLookup;
import io.kycflow.ingest.query.ReadDeadline;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Answers an operation on one job wherever the job lives: from this instance's store, or from the instance
 * that owns it (forwarded with the caller's credentials). A job answered 200 or 409 is readable at once
 * through any instance: a read that meets a rebalance, a restoring store or an owner that is going away
 * waits for the registry to settle, up to its deadline ({@code KYCFLOW_OUTCOME_TIMEOUT}, the same bound
 * a submission waits), and only then answers 503 with {@code Retry-After}.
 */
public final class JobReads {

    private static final int RETRY_AFTER_SECONDS = 1;

    private final JobLookup lookup;
    private final JobForwarder forwarder;
    private final Duration budget;

    public JobReads(JobLookup lookup, JobForwarder forwarder, Duration budget) {
        this.lookup = lookup;
        this.forwarder = forwarder;
        this.budget = budget;
    }

    JobLookup lookup() {
        return lookup;
    }

    /** This request's deadline: the budget, or less when another instance forwarded it with less left. */
    ReadDeadline deadline(Context ctx) {
        ReadDeadline own = ReadDeadline.in(budget);
        return forwardedBudget(ctx).map(own::atMost).orElse(own);
    }

    /**
     * Finds the value with {@code find} and hands it to {@code found}, answers 404 through {@code missing},
     * or forwards the request to the owner; {@code what} names the store in a 503 ("The job store").
     */
    <V> void answer(Context ctx, String jobId, String what, Function<ReadDeadline, JobLookup.Result<V>> find,
                    Consumer<V> found, Runnable missing) {
        ReadDeadline deadline = deadline(ctx);
        while (true) {
            switch (find.apply(deadline)) {
                case JobLookup.Found<V> hit -> {
                    found.accept(hit.value());
                    return;
                }
                case JobLookup.Missing<V> none -> {
                    missing.run();
                    return;
                }
                case JobLookup.Unavailable<V> unavailable -> throw ApiError.unavailable(what
                        + " is not available right now (" + unavailable.reason() + "); retry shortly.", jobId, RETRY_AFTER_SECONDS);
                case JobLookup.Elsewhere<V> elsewhere -> {
                    if (forwardedBudget(ctx).isPresent()) {
                        // The owner moved while the request was in flight: the forwarding instance looks again.
                        throw ApiError.unavailable("The job registry is rebalancing; retry shortly.", jobId, RETRY_AFTER_SECONDS);
                    }
                    boolean post = ctx.method().name().equals("POST");
                    Optional<JobForwarder.Answer> answer = forwarder.forward(elsewhere.owner(), pathAndQuery(ctx),
                            ctx.header("Authorization"), post ? ctx.bodyAsBytes() : null, deadline);
                    // A read is asked again after a 503; an operation (a POST) is not: its 503 may mean "done, but
                    // the answer is unknown", and repeating it is the client's call.
                    if (answer.isPresent() && (answer.get().status() != 503 || post || deadline.passed())) {
                        ctx.status(answer.get().status()).contentType("application/json").result(answer.get().body());
                        return;
                    }
                    if (post && answer.isEmpty()) {
                        throw ApiError.unavailable("The instance that owns this job did not answer; retry shortly.",
                                jobId, RETRY_AFTER_SECONDS);
                    }
                    if (deadline.passed()) {
                        throw ApiError.unavailable("The instance that owns this job did not answer; retry shortly.",
                                jobId, RETRY_AFTER_SECONDS);
                    }
                    // The owner is stopping or lost the job to another instance: wait for the registry, look again.
                    lookup.awaitChange(deadline);
                }
            }
        }
    }

    private static String pathAndQuery(Context ctx) {
        String query = ctx.queryString();
        return ctx.path() + (query == null ? "" : "?" + query);
    }

    /** Present when another instance forwarded this request: what is left of its deadline. */
    private static Optional<Duration> forwardedBudget(Context ctx) {
        String header = ctx.header(JobForwarder.FORWARDED_HEADER);
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, Long.parseLong(header.trim()))));
        } catch (NumberFormatException e) {
            return Optional.of(Duration.ZERO); // not ours to trust: answer from here without waiting
        }
    }
}
