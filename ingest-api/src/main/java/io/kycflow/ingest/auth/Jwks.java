package io.kycflow.ingest.auth;

import java.math.BigInteger;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public halves of the key ring as a JSON Web Key Set (RFC 7517/7518), so other services can
 * verify kycflow's tokens themselves: each an EC P-256 key with its {@code kid}, {@code alg: ES256},
 * {@code use: sig}. Private parts never appear.
 */
public final class Jwks {

    private static final int COORDINATE_BYTES = 32;

    private Jwks() {
    }

    public static Map<String, Object> of(JwtKeys ring) {
        List<Map<String, Object>> keys = ring.all().stream().map(Jwks::jwk).toList();
        return Map.of("keys", keys);
    }

    private static Map<String, Object> jwk(JwtKey key) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("kid", key.keyId());
        jwk.put("alg", "ES256");
        jwk.put("use", "sig");
        jwk.put("x", coordinate(key.publicKey().getW().getAffineX()));
        jwk.put("y", coordinate(key.publicKey().getW().getAffineY()));
        return jwk;
    }

    /** RFC 7518 §6.2.1.2: the unsigned big-endian coordinate, left-padded to the field size, base64url. */
    private static String coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[COORDINATE_BYTES];
        int copy = Math.min(raw.length, COORDINATE_BYTES);
        System.arraycopy(raw, raw.length - copy, fixed, COORDINATE_BYTES - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }
}
