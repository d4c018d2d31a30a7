package io.kycflow.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client's webhook endpoint, on loopback: notes when the first terminal webhook of each job arrives
 * (the {@code System.nanoTime()} of its arrival), what the job came to, and how many deliveries repeated
 * one already seen (the notifier delivers at least once). It answers 200 at once, as a well-behaved
 * receiver does, so the receiver's own work is not part of the measured latency.
 */
final class WebhookReceiver implements AutoCloseable {

    static final String PATH = "/kyc-webhook";

    /** One job's first terminal webhook: when it arrived, and the job's status, recommendation and checks. */
    record Arrival(long nanos, String status, String recommendation, Map<String, String> checkStatuses) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final Javalin app;

    WebhookReceiver() {
        this.app = Javalin.create(config -> {
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.routes.post(PATH, this::receive);
        });
    }

    private void receive(Context ctx) {
        long now = System.nanoTime();
        JsonNode body;
        try {
            body = json.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            unreadable.incrementAndGet();
            ctx.status(200);
            return;
        }
        String jobId = body.path("id").asText(null);
        String eventType = body.path("event_type").asText("");
        // Only the terminal event is sent unless a job subscribes to more; check it anyway.
        if (jobId == null || eventType.equals("job.started") || eventType.equals("check.finished")) {
            ctx.status(200);
            return;
        }
        Map<String, String> checks = new TreeMap<>();
        body.path("check_results").forEach(r -> checks.put(r.path("command_id").asText("?"), r.path("status").asText("?")));
        Arrival arrival = new Arrival(now, body.path("status").asText("?"), body.path("recommendation").asText("-"),
                Map.copyOf(checks));
        if (arrivals.putIfAbsent(jobId, arrival) != null) {
            repeats.incrementAndGet();
        }
        ctx.status(200);
    }

    WebhookReceiver start() {
        app.start();
        return this;
    }

    int port() {
        return app.port();
    }

    Arrival arrival(String jobId) {
        return arrivals.get(jobId);
    }

    int arrivedCount() {
        return arrivals.size();
    }

    long repeats() {
        return repeats.get();
    }

    long unreadable() {
        return unreadable.get();
    }

    @Override
    public void close() {
        app.stop();
    }
}
