package io.kycflow.ingest.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/** Bodies that are not a start request at all, the content types they come with, and where they are posted. */
final class MalformedBodies {

    static final List<String> TARGETS = List.of("/api/v1/startKYCAgentJob", "/startKYCAgentJob", "/api/v1/auth/token", "/auth/token");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "APPLICATION/JSON", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "",
            "application/json; charset=latin1", "application/jsonx", "*/*", "application/xml");
    private static final String JSONISH = "{}[]\":,0123456789.eE-+truefalsnu \\/";

    private MalformedBodies() {
    }

    /** A malformed body: random bytes, JSON-ish noise, arbitrary text, deep nesting, a long or a 1 MiB string. */
    static byte[] next(RandomGenerator random) {
        return switch (RandomText.weighted(random, 30, 30, 20, 8, 10, 2)) {
            case 0 -> randomBytes(random, 2000);
            case 1 -> utf8(RandomText.of(random, JSONISH, 400));
            case 2 -> utf8(RandomText.anyChars(random, 300));
            case 3 -> {
                int depth = 1 + random.nextInt(5000);
                yield utf8("[".repeat(depth) + "]".repeat(depth));
            }
            case 4 -> utf8("{\"agent_key\":\"" + "a".repeat(1000 + random.nextInt(199_001)) + "\"}");
            default -> {
                byte[] big = new byte[(1 << 20) + 10];
                Arrays.fill(big, (byte) 'x');
                big[0] = '"';
                yield big;
            }
        };
    }

    /** A content type: a known one, printable-or-control ASCII noise (no line breaks), or none at all ({@code null}). */
    static String contentType(RandomGenerator random) {
        return switch (random.nextInt(3)) {
            case 0 -> RandomText.pick(random, CONTENT_TYPES);
            case 1 -> RandomText.range(random, '\u0000', '\u007f', 40).replace('\r', ' ').replace('\n', ' ');
            default -> null;
        };
    }

    static String target(RandomGenerator random) {
        return RandomText.pick(random, TARGETS);
    }

    private static byte[] randomBytes(RandomGenerator random, int maxLength) {
        byte[] bytes = new byte[RandomText.length(random, maxLength)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
