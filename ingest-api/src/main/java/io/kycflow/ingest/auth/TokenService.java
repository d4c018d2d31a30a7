package io.kycflow.ingest.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies the API's JWTs: ES256 only (the verifier is built for that one algorithm, so
 * {@code none} and HS/RS confusion fail), with issuer, audience, expiry and not-before checked with a
 * small skew. A token names its tenant, key id and scopes, and dies with a revoked key.
 */
public final class TokenService {

    public static final String ISSUER = "kycflow";
    public static final String AUDIENCE = "kycflow-api";
    private static final long LEEWAY_SECONDS = 30;

    private final JwtKeys keys;
    private final ApiKeyRegistry apiKeys;
    private final Duration ttl;
    private final Clock clock;
    private final JWTVerifier verifier;
    private final Algorithm algorithm;

    public TokenService(JwtKeys keys, ApiKeyRegistry apiKeys, Duration ttl, Clock clock) {
        this.keys = keys;
        this.apiKeys = apiKeys;
        this.ttl = ttl;
        this.clock = clock;
        this.algorithm = Algorithm.ECDSA256(keys.publicKey(), keys.privateKey());
        this.verifier = JWT.require(algorithm)
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .withClaimPresence("tenant")
                .withClaimPresence("scope")
                .acceptLeeway(LEEWAY_SECONDS)
                .build();
    }

    public record IssuedToken(String token, Duration expiresIn) {
    }

    public IssuedToken issue(Principal principal) {
        Instant now = clock.instant();
        String token = JWT.create()
                .withKeyId(keys.keyId())
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .withSubject(principal.keyId())
                .withClaim("tenant", principal.tenantId())
                .withClaim("scope", String.join(" ", principal.scopes().stream().sorted().toList()))
                .withJWTId(UUID.randomUUID().toString())
                .withIssuedAt(now)
                .withNotBefore(now)
                .withExpiresAt(now.plus(ttl))
                .sign(algorithm);
        return new IssuedToken(token, ttl);
    }

    /** The caller behind a token; empty when it is forged, expired, not yet valid, or its key was revoked. */
    public Optional<Principal> verify(String token) {
        try {
            DecodedJWT jwt = verifier.verify(token);
            if (!keys.keyId().equals(jwt.getKeyId()) || !apiKeys.isActive(jwt.getSubject())) {
                return Optional.empty();
            }
            return Optional.of(new Principal(jwt.getClaim("tenant").asString(), jwt.getSubject(),
                    new HashSet<>(List.of(jwt.getClaim("scope").asString().split(" ")))));
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
