package io.kycflow.ingest.auth;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Optional;

/**
 * One ES256 key of the ring: its id (the {@code kid} of the tokens it signs), its public half, and its
 * private half unless it is a retired key kept only to verify the tokens it signed before rotation.
 */
public record JwtKey(String keyId, ECPublicKey publicKey, Optional<ECPrivateKey> privateKey) {

    public boolean canSign() {
        return privateKey.isPresent();
    }
}
