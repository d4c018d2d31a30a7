package io.kycflow.e2e;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A real HTTP server on loopback that records every POST it receives (webhooks and Slack messages). */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received: the path, the headers that matter, the raw body. */
    record Received(String path, Map<String, String> headers, String body) {
        byte[] bodyBytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();

    WebhookReceiver() {
        this(path -> 200);
    }

    /** A receiver that answers each path with the status {@code statusByPath} gives (503 plays a receiver that is down). */
    WebhookReceiver(java.util.function.ToIntFunction<String> statusByPath) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
            received.add(new Received(exchange.getRequestURI().getPath(), headers, new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(statusByPath.applyAsInt(exchange.getRequestURI().getPath()), -1);
            exchange.close();
        });
        // One thread per request, so a receiver that holds one answer (a test playing a slow one) still takes others.
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The first request to this path not taken yet (requests to other paths are kept for later), or fails after the timeout. */
    Received next(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Received r : received) {
                if (r.path().equals(path) && received.remove(r)) {
                    return r;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no request to " + path + " within " + timeout);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
