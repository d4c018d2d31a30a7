package io.kycflow.notifier;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP receiver on 127.0.0.1 that answers by a script and records every request it gets. */
final class Receiver implements AutoCloseable {

    /** The status to answer the n-th request with (1-based); may sleep to play a slow receiver. */
    @FunctionalInterface
    interface Script {
        int status(int n) throws InterruptedException;
    }

    record Request(Map<String, List<String>> headers, byte[] body, Instant at) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    private Receiver(Script script) {
        this(0, script, Map.of());
    }

    private Receiver(int port, Script script, Map<String, String> responseHeaders) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()));
            int status;
            try {
                status = script.status(count.incrementAndGet());
            } catch (InterruptedException e) {
                status = 503;
            }
            responseHeaders.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    static Receiver start(Script script) {
        return new Receiver(script);
    }

    /** A receiver that also sends {@code headers} with every answer. */
    static Receiver start(Script script, Map<String, String> headers) {
        return new Receiver(0, script, headers);
    }

    /** A receiver on a given port (one that was free): a receiver that comes back up. */
    static Receiver startOn(int port, Script script) {
        return new Receiver(port, script, Map.of());
    }

    static Receiver ok() {
        return new Receiver(n -> 200);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Waits until at least {@code n} requests arrived, and returns them all. */
    List<Request> await(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + n + " requests within " + timeout + ", got " + requests.size());
            }
            Thread.sleep(20);
        }
        return requests();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
