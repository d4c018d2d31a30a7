package io.kycflow.common.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kycflow.common.json.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code GET /health/live} and {@code GET /health/ready} for the services that serve no API (check-workers,
 * notifier), on the JDK's HTTP server so they need no web framework. Live answers 200 while the process
 * can answer at all; ready answers 200 when every {@link HealthContributor} is ready, else 503 with
 * {@code Retry-After} and each component's reason. Everything else is 404 (405 for another method).
 */
public final class HealthServer implements AutoCloseable {

    public static final String LIVE_PATH = "/health/live";
    public static final String READY_PATH = "/health/ready";
    public static final String METRICS_PATH = "/metrics";

    /** Seconds a prober should wait; most not-ready states (lists loading, a rebalance) last longer than a second. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final HttpServer server;
    private final ExecutorService executor;

    private HealthServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code host:port} ({@code 0}: an ephemeral port, see {@link #port()}) and serves until closed.
     *
     * @throws UncheckedIOException when the address cannot be bound, naming it
     */
    public static HealthServer start(String host, int port, List<HealthContributor> contributors) {
        return start(host, port, contributors, Optional.empty());
    }

    /**
     * As {@link #start(String, int, List)}, also serving {@code GET /metrics} from {@code metrics} (Prometheus
     * text) when given.
     */
    public static HealthServer start(String host, int port, List<HealthContributor> contributors,
                                     Optional<Supplier<String>> metrics) {
        List<HealthContributor> components = List.copyOf(contributors);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve health on " + host + ":" + port
                    + " (is the port in use? set KYCFLOW_HEALTH_PORT): " + e.getMessage(), e);
        }
        // Probes are rare and cheap; virtual threads keep a slow contributor from blocking the next probe.
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, components, metrics));
        server.start();
        return new HealthServer(server, executor);
    }

    /** The bound port (the actual one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void handle(HttpExchange exchange, List<HealthContributor> components,
                               Optional<Supplier<String>> metrics) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean metricsPath = path.equals(METRICS_PATH) && metrics.isPresent();
            if (!path.equals(LIVE_PATH) && !path.equals(READY_PATH) && !metricsPath) {
                respond(exchange, 404, Map.of("error", "Not found."));
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, Map.of("error", "Method not allowed."));
                return;
            }
            if (metricsPath) {
                byte[] text = metrics.get().get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, method.equals("HEAD") ? -1 : text.length);
                if (method.equals("GET")) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(text);
                    }
                }
                return;
            }
            if (path.equals(LIVE_PATH)) {
                respond(exchange, 200, Map.of("status", "up"));
                return;
            }
            ReadinessReport report = ReadinessReport.of(components);
            if (!report.isReady()) {
                exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
            }
            respond(exchange, report.isReady() ? 200 : 503, report);
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.toBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "HealthServer[" + server.getAddress() + "]";
    }
}
