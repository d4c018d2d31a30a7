package io.kycflow.ingest.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The fuzz test's raw client tries a silently closed connection once more, and only once: a server that
 * closes the first {@code silentCloses} connections unanswered and answers the rest, on a real socket.
 */
class RawHttpTest {

    private static final String ANSWER = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
            + "Connection: close\r\n\r\n{}";
    private static final byte[] TARGET = "/x".getBytes(StandardCharsets.US_ASCII);

    @Test
    void oneConnectionClosedWithoutAnAnswerIsTriedOnceMore() throws Exception {
        try (Server server = new Server(1)) {
            RawHttp.Answer answer = new RawHttp(server.port()).send("GET", TARGET, Map.of(), null);
            assertEquals(200, answer.status());
            assertEquals(2, server.connections());
        }
    }

    @Test
    void aSecondConnectionClosedWithoutAnAnswerFails() throws Exception {
        try (Server server = new Server(2)) {
            RawHttp http = new RawHttp(server.port());
            // No body: the server reads the whole request, so its close is a clean one and never a reset.
            assertThrows(IllegalStateException.class, () -> http.send("GET", TARGET, Map.of(), null));
            assertEquals(2, server.connections());
        }
    }

    /** Reads each request's head (the tests send no body); closes the first ones without a byte, answers the rest. */
    private static final class Server implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicInteger connections = new AtomicInteger();
        private final Thread acceptor;

        Server(int silentCloses) throws IOException {
            acceptor = Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        readHead(connection.getInputStream());
                        if (connections.incrementAndGet() > silentCloses) {
                            OutputStream out = connection.getOutputStream();
                            out.write(ANSWER.getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        private static void readHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            for (int b = in.read(); b >= 0; b = in.read()) {
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                if (matched == end.length) {
                    return;
                }
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
            acceptor.join();
        }
    }
}
