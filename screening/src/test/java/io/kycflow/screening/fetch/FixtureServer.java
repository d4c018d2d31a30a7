package io.kycflow.screening.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A publisher on 127.0.0.1 for the downloader tests: serves byte arrays with an ETag and Last-Modified,
 * answers If-None-Match with 304, and can misbehave on request (redirect, short body, stall).
 */
final class FixtureServer implements AutoCloseable {

    /** How a path is answered. */
    sealed interface Route {
    }

    record Serve(byte[] body, String etag, String lastModified) implements Route {
    }

    record Redirect(String location) implements Route {
    }

    /** Promises more bytes than it sends, then closes: a connection cut mid-transfer. */
    record ShortBody(byte[] body, int promised) implements Route {
    }

    record Stall(long millis) implements Route {
    }

    /** What the client asked, for asserting conditional GETs. */
    record Request(String path, String ifNoneMatch, String ifModifiedSince) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    void route(String path, Route route) {
        routes.put(path, route);
    }

    void serve(String path, byte[] body, String etag) {
        route(path, new Serve(body, etag, "Wed, 01 Jan 2026 00:00:00 GMT"));
    }

    static byte[] resource(String name) {
        try (InputStream in = FixtureServer.class.getResourceAsStream("/fetch/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource fetch/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
            requests.add(new Request(path, ifNoneMatch, ex.getRequestHeaders().getFirst("If-Modified-Since")));
            Route route = routes.get(path);
            switch (route) {
                case null -> ex.sendResponseHeaders(404, -1);
                case Serve s -> {
                    if (s.etag() != null) {
                        ex.getResponseHeaders().set("ETag", s.etag());
                    }
                    if (s.lastModified() != null) {
                        ex.getResponseHeaders().set("Last-Modified", s.lastModified());
                    }
                    if (s.etag() != null && s.etag().equals(ifNoneMatch)) {
                        ex.sendResponseHeaders(304, -1);
                        return;
                    }
                    ex.sendResponseHeaders(200, s.body().length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(s.body());
                    }
                }
                case Redirect r -> {
                    ex.getResponseHeaders().set("Location", r.location());
                    ex.sendResponseHeaders(302, -1);
                }
                case ShortBody s -> {
                    ex.sendResponseHeaders(200, s.promised());
                    OutputStream out = ex.getResponseBody();
                    out.write(s.body());
                    out.flush();
                    // closing the exchange with bytes missing drops the connection
                }
                case Stall s -> {
                    ex.sendResponseHeaders(200, 0);
                    ex.getResponseBody().write("1001,".getBytes());
                    ex.getResponseBody().flush();
                    Thread.sleep(s.millis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout, cap): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
