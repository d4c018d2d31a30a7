package io.kycflow.notifier;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_test-secret-0123456789";
    private static final byte[] BODY = "{\"event_id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

    @Test
    void theHeaderIsTimestampAndHexHmacOfTimestampDotBody() {
        String header = WebhookSignature.sign(SECRET, NOW, BODY);
        // Independently: HMAC-SHA256(secret, "1735787045." + body), as a receiver in another language computes it.
        assertTrue(header.startsWith("t=1735787045,v1="), header);
        assertEquals(64, header.substring(header.indexOf("v1=") + 3).length());
        assertEquals("t=1735787045,v1=" + hmac("1735787045." + new String(BODY, StandardCharsets.UTF_8)), header);
    }

    @Test
    void verifiesWithinTheWindowOnly() {
        String header = WebhookSignature.sign(SECRET, NOW, BODY);
        assertEquals(WebhookSignature.Result.VALID, WebhookSignature.verify(header, BODY, SECRET, NOW.plusSeconds(299)));
        assertEquals(WebhookSignature.Result.VALID, WebhookSignature.verify(header, BODY, SECRET, NOW.minusSeconds(299)));
        assertEquals(WebhookSignature.Result.OUTSIDE_WINDOW, WebhookSignature.verify(header, BODY, SECRET, NOW.plusSeconds(301)));
    }

    @Test
    void refusesAnotherBodyAnotherSecretAndGarbage() {
        String header = WebhookSignature.sign(SECRET, NOW, BODY);
        byte[] other = "{\"event_id\":\"e-2\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(WebhookSignature.Result.MISMATCH, WebhookSignature.verify(header, other, SECRET, NOW));
        assertEquals(WebhookSignature.Result.MISMATCH, WebhookSignature.verify(header, BODY, SECRET + "x", NOW));
        String moved = header.replace("t=1735787045", "t=1735787046");
        assertEquals(WebhookSignature.Result.MISMATCH, WebhookSignature.verify(moved, BODY, SECRET, NOW),
                "the timestamp is signed too");
        for (String bad : new String[]{"", "v1=abc", "t=1735787045", "t=x,v1=00", "garbage"}) {
            assertEquals(WebhookSignature.Result.MALFORMED, WebhookSignature.verify(bad, BODY, SECRET, NOW), bad);
        }
        assertEquals(WebhookSignature.Result.MALFORMED, WebhookSignature.verify(null, BODY, SECRET, NOW));
    }

    @Test
    void duringARotationEitherSecretVerifies() {
        String old = "whsec_old-secret-0123456789";
        String header = WebhookSignature.sign(old, NOW, BODY) + ",v1=" + "ab".repeat(32);
        assertTrue(WebhookSignature.verify(header, BODY, List.of(SECRET, old), NOW, Duration.ofMinutes(5)).valid());
        assertEquals(WebhookSignature.Result.MISMATCH,
                WebhookSignature.verify(header, BODY, List.of(SECRET), NOW, Duration.ofMinutes(5)));
    }

    @Test
    void signedWithNewAndOldAReceiverHoldingEitherOneVerifiesAndOneHoldingNeitherFails() {
        String newSecret = WebhookSecretsTest.NEW;
        String oldSecret = WebhookSecretsTest.OLD;
        String header = WebhookSignature.sign(List.of(newSecret, oldSecret), NOW, BODY);
        assertEquals(2, header.split(",v1=").length - 1, header);
        assertTrue(header.startsWith("t=1735787045,v1=" + WebhookSignature.sign(newSecret, NOW, BODY).substring(16)),
                "the new secret's signature comes first: " + header);
        assertEquals(WebhookSignature.Result.VALID, WebhookSignature.verify(header, BODY, newSecret, NOW));
        assertEquals(WebhookSignature.Result.VALID, WebhookSignature.verify(header, BODY, oldSecret, NOW));
        assertEquals(WebhookSignature.Result.MISMATCH, WebhookSignature.verify(header, BODY, SECRET, NOW));
    }

    private static String hmac(String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
