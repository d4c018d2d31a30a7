package io.kycflow.ingest.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so a test can send what no well-behaved client would: malformed
 * percent escapes, raw bytes in the query string, odd header values. One connection per request.
 */
final class RawHttp {

    /** An answer: status, headers (lower-case names) and body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /**
     * Sends one request on a new connection and parses the answer. A connection the server closes before a
     * single byte of an answer comes back is tried once more, and said on stdout. That happened once, in one CI
     * run of the fuzz test (December 7 2026), and not in over 100,000 requests replaying its seed and its
     * neighbouring cases, so its cause is unknown. A client retries such a connection; a second close fails.
     */
    Answer send(String method, byte[] target, Map<String, String> headers, byte[] body) {
        byte[] request = request(method, target, headers, body);
        Exchange first = exchange(request);
        if (first.raw().length > 0) {
            return parse(first.raw());
        }
        System.out.println("RawHttp: " + method + " " + new String(target, StandardCharsets.ISO_8859_1)
                + " was closed without an answer (the write " + (first.writeFailure() == null ? "succeeded"
                : "failed: " + first.writeFailure()) + "); trying once more");
        return parse(exchange(request).raw());
    }

    private static byte[] request(String method, byte[] target, Map<String, String> headers, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(target);
        StringBuilder head = new StringBuilder(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            request.writeBytes(body);
        }
        return request.toByteArray();
    }

    /** What came back on one connection, and why the request could not be written whole, if it could not. */
    private record Exchange(byte[] raw, IOException writeFailure) {
    }

    private Exchange exchange(byte[] request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            IOException writeFailure = null;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            } catch (IOException earlyAnswer) {
                // The server may answer (a 413, say) and close before the whole body is sent: read that answer.
                writeFailure = earlyAnswer;
            }
            return new Exchange(socket.getInputStream().readAllBytes(), writeFailure);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(byte[] raw) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (end < 0) {
            throw new IllegalStateException("no complete HTTP response: " + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(rest) : rest;
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, new byte[]{'\r', '\n'}, at);
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
