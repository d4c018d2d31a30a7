package io.kycflow.ingest.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Issues and verifies the API's JWTs. ES256 only: the token's {@code kid} picks a key of the ring, and
 * that key's verifier is built for the one algorithm, so {@code none} and HS/RS confusion fail. Issuer,
 * audience, expiry and not-before are checked with a small skew. A token names its tenant, key id and
 * scopes, and dies with a revoked key.
 */
public final class TokenService {

    public static final String ISSUER = "kycflow";
    public static final String AUDIENCE = "kycflow-api";
    /** Instances' clocks differ by a little; more would stretch a token's life. */
    public static final long LEEWAY_SECONDS = 30;

    private final JwtKey signingKey;
    private final Algorithm signer;
    private final Map<String, JWTVerifier> verifiers;
    private final ApiKeyRegistry apiKeys;
    private final Duration ttl;
    private final Clock clock;

    public TokenService(JwtKeys keys, ApiKeyRegistry apiKeys, Duration ttl, Clock clock) {
        this.apiKeys = apiKeys;
        this.ttl = ttl;
        this.clock = clock;
        this.signingKey = keys.signing();
        this.signer = Algorithm.ECDSA256(signingKey.publicKey(), signingKey.privateKey().orElseThrow());
        this.verifiers = keys.all().stream().collect(Collectors.toUnmodifiableMap(JwtKey::keyId, key -> verifier(key, clock)));
    }

    private static JWTVerifier verifier(JwtKey key, Clock clock) {
        return ((JWTVerifier.BaseVerification) JWT.require(Algorithm.ECDSA256(key.publicKey(), null))
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .withClaimPresence("tenant")
                .withClaimPresence("scope")
                .withClaimPresence("exp")
                .acceptLeeway(LEEWAY_SECONDS))
                .build(clock);
    }

    public record IssuedToken(String token, Duration expiresIn) {
    }

    public IssuedToken issue(Principal principal) {
        Instant now = clock.instant();
        String token = JWT.create()
                .withKeyId(signingKey.keyId())
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .withSubject(principal.keyId())
                .withClaim("tenant", principal.tenantId())
                .withClaim("scope", String.join(" ", principal.scopes().stream().sorted().toList()))
                .withJWTId(UUID.randomUUID().toString())
                .withIssuedAt(now)
                .withNotBefore(now)
                .withExpiresAt(now.plus(ttl))
                .sign(signer);
        return new IssuedToken(token, ttl);
    }

    /**
     * The caller behind a token; empty when it is forged, names no or an unknown key, is expired or not
     * yet valid (beyond the skew), or its API key was revoked.
     */
    public Optional<Principal> verify(String token) {
        try {
            String kid = JWT.decode(token).getKeyId();
            JWTVerifier verifier = kid == null ? null : verifiers.get(kid);
            if (verifier == null) {
                return Optional.empty();
            }
            DecodedJWT jwt = verifier.verify(token);
            if (jwt.getSubject() == null || !apiKeys.isActive(jwt.getSubject())) {
                return Optional.empty();
            }
            String tenant = jwt.getClaim("tenant").asString();
            String scope = jwt.getClaim("scope").asString();
            if (tenant == null || scope == null) {
                return Optional.empty();
            }
            Set<String> scopes = Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
            return Optional.of(new Principal(tenant, jwt.getSubject(), scopes));
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
