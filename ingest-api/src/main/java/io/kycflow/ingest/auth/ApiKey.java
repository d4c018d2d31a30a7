package io.kycflow.ingest.auth;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key as clients hold it: {@code kf_<key id>_<secret>}. The key id finds the stored record; only
 * a hash of the secret is ever stored.
 */
public record ApiKey(String keyId, String secret) {

    private static final Pattern FORMAT = Pattern.compile("kf_([a-z0-9]{4,32})_([A-Za-z0-9]{16,128})");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static Optional<ApiKey> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        return m.matches() ? Optional.of(new ApiKey(m.group(1), m.group(2))) : Optional.empty();
    }

    public static ApiKey generate() {
        byte[] id = new byte[6];
        byte[] secret = new byte[24];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new ApiKey(HexFormat.of().formatHex(id), HexFormat.of().formatHex(secret));
    }

    /** The form a client sends. Never logged. */
    public String token() {
        return "kf_" + keyId + "_" + secret;
    }

    @Override
    public String toString() {
        return "ApiKey[" + keyId + "]";
    }
}
