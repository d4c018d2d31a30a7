package io.kycflow.common.apikey;

import java.time.Instant;
import java.util.Set;

/**
 * One API key as every API instance learns it from the compacted {@code kyc.api-keys} topic (keyed by
 * key id): its tenant, scopes and the SHA-256 of its secret, never the secret. A revoked key stays on the
 * topic with {@code revoked_at} set, so every instance refuses it and the tokens issued for it.
 */
public record ApiKeyRecord(int schemaVersion, String keyId, String tenantId, String secretSha256Hex, Set<String> scopes,
                           Instant createdAt, Instant revokedAt) {

    public static final int SCHEMA_VERSION = 1;

    public ApiKeyRecord {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public ApiKeyRecord revokedAt(Instant at) {
        return new ApiKeyRecord(SCHEMA_VERSION, keyId, tenantId, secretSha256Hex, scopes, createdAt, at);
    }
}
