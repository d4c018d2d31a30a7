package io.kycflow.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client on one persistent socket. The load generator shares two cores with the
 * broker and both servers, so it must cost as little CPU as possible per request: no pooling, no
 * selector thread, no header objects; it writes one request and reads one response (Content-Length
 * or chunked), reconnecting when the server closes the connection.
 */
final class KeepAliveConnection implements AutoCloseable {

    private static final int READ_TIMEOUT_MS = 30_000;

    private final InetSocketAddress address;
    private final byte[] requestHead;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(LoadTarget target) {
        this.address = target.address();
        StringBuilder head = new StringBuilder()
                .append("POST ").append(target.path()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(address.getHostString()).append(':').append(address.getPort()).append("\r\n")
                .append("Content-Type: application/json\r\n");
        for (Map.Entry<String, String> header : target.headers().entrySet()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        this.requestHead = head.append("Content-Length: ").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** POSTs the body and returns the status code once the whole response has been read. */
    int post(byte[] body) throws IOException {
        if (socket == null) {
            connect();
        }
        byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[requestHead.length + length.length + body.length];
        System.arraycopy(requestHead, 0, request, 0, requestHead.length);
        System.arraycopy(length, 0, request, requestHead.length, length.length);
        System.arraycopy(body, 0, request, requestHead.length + length.length, body.length);
        try {
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(READ_TIMEOUT_MS);
        s.connect(address, READ_TIMEOUT_MS);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = s.getOutputStream();
    }

    private int readResponse() throws IOException {
        String statusLine = readLine();
        // "HTTP/1.1 200 OK"
        int firstSpace = statusLine.indexOf(' ');
        if (firstSpace < 0 || statusLine.length() < firstSpace + 4) {
            throw new IOException("malformed status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(firstSpace + 1, firstSpace + 4));
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closeAfter = value.contains("close");
                default -> {
                }
            }
        }
        if (chunked) {
            skipChunkedBody();
        } else if (contentLength >= 0) {
            skip(contentLength);
        } else {
            // No length and not chunked: the body ends with the connection.
            while (in.read() >= 0) {
                // drain
            }
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return status;
    }

    private void skipChunkedBody() throws IOException {
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                // Trailers, if any, end with an empty line.
                while (!readLine().isEmpty()) {
                    // skip trailer
                }
                return;
            }
            skip(size);
            readLine();
        }
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed inside a response body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int size = line.size();
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, size > 0 && bytes[size - 1] == '\r' ? size - 1 : size, StandardCharsets.US_ASCII);
            }
            line.write(b);
        }
        throw new EOFException("connection closed by the server");
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
            in = null;
            out = null;
        }
    }
}
