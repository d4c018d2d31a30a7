package io.kycflow.notifier;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static io.kycflow.notifier.WebhookSecretsTest.NEW;
import static io.kycflow.notifier.WebhookSecretsTest.OLD;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's Java verification snippet, copied verbatim, against headers kycflow makes. */
class ReadmeVerifierTest {

    // ---- verbatim from README.md "Webhooks" ----
    static boolean verify(String header, byte[] rawBody, List<String> secrets) throws GeneralSecurityException {
        long t = -1;
        List<byte[]> received = new ArrayList<>();                 // one v1 per secret during a rotation
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) return false;
            if (kv[0].equals("t")) {
                try { t = Long.parseLong(kv[1]); } catch (NumberFormatException e) { return false; }
            } else if (kv[0].equals("v1")) {
                received.add(kv[1].getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (t < 0 || Math.abs(Instant.now().getEpochSecond() - t) > 300) return false;   // 5-minute replay window
        for (String secret : secrets) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(rawBody)).getBytes(StandardCharsets.US_ASCII);
            for (byte[] v1 : received) {
                if (MessageDigest.isEqual(expected, v1)) return true;   // constant time
            }
        }
        return false;
    }
    // ---- end of the snippet ----

    private static final byte[] BODY = "{\"event_id\":\"e-1\",\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSnippetAcceptsEitherRotatingSecretAndRefusesReplaysAndOtherSecrets() throws Exception {
        String header = WebhookSignature.sign(List.of(NEW, OLD), Instant.now(), BODY);
        assertTrue(verify(header, BODY, List.of(NEW)));
        assertTrue(verify(header, BODY, List.of(OLD)));
        assertFalse(verify(header, BODY, List.of("whsec_neither-0123456789")));
        assertFalse(verify(header, "{}".getBytes(StandardCharsets.UTF_8), List.of(NEW)));
        assertFalse(verify(WebhookSignature.sign(List.of(NEW), Instant.now().minusSeconds(301), BODY), BODY, List.of(NEW)),
                "outside the replay window");
        assertFalse(verify("t=abc,v1=00", BODY, List.of(NEW)));
    }

    @Test
    void theReadmeStillHoldsThisSnippet() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String source = Files.readString(Path.of("src/test/java/io/kycflow/notifier/ReadmeVerifierTest.java"));
        String snippet = source.substring(source.indexOf("    static boolean verify("), source.indexOf("    // ---- end"))
                .lines().map(l -> l.substring(4)).reduce("", (a, b) -> a + b + "\n");
        assertTrue(readme.contains(snippet), "README.md's Java snippet differs from the one tested here");
    }
}
