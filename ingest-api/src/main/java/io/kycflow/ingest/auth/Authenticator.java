package io.kycflow.ingest.auth;

import java.util.Optional;

/**
 * Resolves the caller from an {@code Authorization: Bearer …} header: either a JWT from
 * {@code /auth/token} or, as Parcha clients send it, an API key itself.
 */
public final class Authenticator {

    private final ApiKeyRegistry apiKeys;
    private final TokenService tokens;

    public Authenticator(ApiKeyRegistry apiKeys, TokenService tokens) {
        this.apiKeys = apiKeys;
        this.tokens = tokens;
    }

    public Optional<Principal> authenticate(String authorizationHeader) {
        return bearer(authorizationHeader).flatMap(this::authenticateCredential);
    }

    /** An API key or a JWT, as presented. */
    public Optional<Principal> authenticateCredential(String credential) {
        Optional<ApiKey> key = ApiKey.parse(credential);
        if (key.isPresent()) {
            return apiKeys.authenticate(key.get());
        }
        return tokens.verify(credential);
    }

    public static Optional<String> bearer(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String trimmed = header.trim();
        if (trimmed.length() < 8 || !trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String credential = trimmed.substring(7).trim();
        return credential.isEmpty() || credential.length() > 4096 ? Optional.empty() : Optional.of(credential);
    }
}
