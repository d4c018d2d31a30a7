package io.kycflow.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import io.kycflow.common.apikey.ApiKeyRecord;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API keys this instance accepts, by key id, each bound to one tenant: the seeds of configuration
 * and everything on the shared {@code kyc.api-keys} topic ({@link ApiKeyFollower}). Only the SHA-256 of
 * the secret is kept, and it is compared in constant time.
 */
public final class ApiKeyRegistry {

    /** A stored key: whose it is, what it may do, and the hash of its secret. */
    public record StoredKey(String tenantId, String keyId, byte[] secretSha256, Set<String> scopes, boolean revoked) {
    }

    private final Map<String, StoredKey> keys = new ConcurrentHashMap<>();

    public void register(String tenantId, ApiKey key, Set<String> scopes) {
        keys.put(key.keyId(), new StoredKey(tenantId, key.keyId(), sha256(key.secret()), Set.copyOf(scopes), false));
    }

    /** A key as the shared topic has it (hash only); a revoked record revokes it here too. */
    public void apply(ApiKeyRecord record) {
        keys.put(record.keyId(), new StoredKey(record.tenantId(), record.keyId(),
                HexFormat.of().parseHex(record.secretSha256Hex()), record.scopes(), record.revoked()));
    }

    /** The record to publish for a new key: the hash of its secret, never the secret. */
    public static ApiKeyRecord recordOf(String tenantId, ApiKey key, Set<String> scopes, Instant createdAt) {
        return new ApiKeyRecord(ApiKeyRecord.SCHEMA_VERSION, key.keyId(), tenantId,
                HexFormat.of().formatHex(sha256(key.secret())), scopes, createdAt, null);
    }

    public void revoke(String keyId) {
        keys.computeIfPresent(keyId, (id, k) -> new StoredKey(k.tenantId(), id, k.secretSha256(), k.scopes(), true));
    }

    /** The caller behind a presented key, if the key exists, is not revoked and its secret matches. */
    public Optional<Principal> authenticate(ApiKey presented) {
        StoredKey stored = keys.get(presented.keyId());
        // Hash even when the id is unknown, so timing does not tell which ids exist.
        byte[] hash = sha256(presented.secret());
        if (stored == null || stored.revoked() || !MessageDigest.isEqual(hash, stored.secretSha256())) {
            return Optional.empty();
        }
        return Optional.of(new Principal(stored.tenantId(), stored.keyId(), stored.scopes()));
    }

    /** Whether tokens issued for this key may still be used. */
    public boolean isActive(String keyId) {
        StoredKey stored = keys.get(keyId);
        return stored != null && !stored.revoked();
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
