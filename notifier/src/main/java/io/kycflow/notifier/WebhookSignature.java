package io.kycflow.notifier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code X-Kycflow-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">},
 * keyed with the tenant's secret (its UTF-8 bytes, as written). Signing the timestamp with the body
 * lets a receiver refuse replays outside a window; the timestamp is the attempt's, the body never
 * changes. A header may carry several {@code v1} values (one per secret during a rotation).
 *
 * <p>Self-contained (JDK only) so receivers and tests can copy or reuse it.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Kycflow-Signature";
    public static final String SCHEME = "v1";
    /** How far a receiver should accept a timestamp from its own clock, either way. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /** Why a signature was accepted or not. */
    public enum Result {
        VALID, MALFORMED, OUTSIDE_WINDOW, MISMATCH;

        public boolean valid() {
            return this == VALID;
        }
    }

    private WebhookSignature() {
    }

    /** The header value for one attempt. */
    public static String sign(String secret, Instant at, byte[] body) {
        return sign(List.of(secret), at, body);
    }

    /**
     * The header value for one attempt with one {@code v1} per secret, in the given order (newest first):
     * during a rotation a receiver holding either the new or the old secret verifies, as with Stripe.
     */
    public static String sign(List<String> secrets, Instant at, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a signature needs at least one secret");
        }
        long t = at.getEpochSecond();
        StringBuilder header = new StringBuilder("t=").append(t);
        for (String secret : secrets) {
            header.append(',').append(SCHEME).append('=').append(hmacHex(secret, t, body));
        }
        return header.toString();
    }

    /**
     * Checks a header against the raw body as received: the timestamp within {@code tolerance} of
     * {@code now}, and a {@code v1} value equal (in constant time) to the HMAC under any of {@code secrets}.
     */
    public static Result verify(String header, byte[] body, Collection<String> secrets, Instant now, Duration tolerance) {
        if (header == null || body == null) {
            return Result.MALFORMED;
        }
        Long t = null;
        List<String> candidates = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                return Result.MALFORMED;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t")) {
                try {
                    t = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return Result.MALFORMED;
                }
            } else if (key.equals(SCHEME)) {
                candidates.add(value);
            }
            // Other schemes are ignored, so a future v2 can be added beside v1.
        }
        if (t == null || candidates.isEmpty()) {
            return Result.MALFORMED;
        }
        if (Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            return Result.OUTSIDE_WINDOW;
        }
        boolean match = false;
        for (String secret : secrets) {
            byte[] expected = hmacHex(secret, t, body).getBytes(StandardCharsets.US_ASCII);
            for (String candidate : candidates) {
                // Non-short-circuit OR: every comparison runs, and each one is constant time.
                match |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
            }
        }
        return match ? Result.VALID : Result.MISMATCH;
    }

    public static Result verify(String header, byte[] body, String secret, Instant now) {
        return verify(header, body, List.of(secret), now, DEFAULT_TOLERANCE);
    }

    private static String hmacHex(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
