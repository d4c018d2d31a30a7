package io.kycflow.ingest.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenServiceTest {

    @TempDir
    Path dir;

    private final ApiKey key = new ApiKey("acme0001", "acmesecret0123456789");
    private final Principal acme = new Principal("acme", "acme0001", Set.of(Principal.JOBS_READ));

    private TokenService service(Path keyFile, ApiKeyRegistry registry, Clock clock) {
        return new TokenService(JwtKeys.loadOrGenerate(keyFile), registry, Duration.ofMinutes(10), clock);
    }

    private ApiKeyRegistry registry() {
        ApiKeyRegistry registry = new ApiKeyRegistry();
        registry.register("acme", key, acme.scopes());
        return registry;
    }

    @Test
    void aTokenCarriesTenantKeyAndScopesAndVerifiesOnAnotherInstanceWithTheSameKeyFile() {
        Path file = dir.resolve("jwt.pem");
        String token = service(file, registry(), Clock.systemUTC()).issue(acme).token();
        assertEquals(acme, service(file, registry(), Clock.systemUTC()).verify(token).orElseThrow());
        assertTrue(service(dir.resolve("other.pem"), registry(), Clock.systemUTC()).verify(token).isEmpty(),
                "another signing key does not verify it");
    }

    @Test
    void expiredNotYetValidForgedAndRevokedTokensAreRefused() {
        Path file = dir.resolve("jwt.pem");
        ApiKeyRegistry registry = registry();
        TokenService now = service(file, registry, Clock.systemUTC());
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        Clock future = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);
        assertTrue(now.verify(service(file, registry, past).issue(acme).token()).isEmpty(), "expired");
        assertTrue(now.verify(service(file, registry, future).issue(acme).token()).isEmpty(), "not yet valid");

        String good = now.issue(acme).token();
        String[] parts = good.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        assertTrue(now.verify(none).isEmpty(), "alg none");
        String hs = JWT.create().withIssuer(TokenService.ISSUER).withAudience(TokenService.AUDIENCE)
                .withSubject("acme0001").withClaim("tenant", "acme").withClaim("scope", "admin")
                .withExpiresAt(Instant.now().plusSeconds(60))
                .sign(Algorithm.HMAC256(JwtKeys.loadOrGenerate(file).publicKey().getEncoded()));
        assertTrue(now.verify(hs).isEmpty(), "HS256 signed with the public key");
        String otherAudience = JWT.create().withIssuer(TokenService.ISSUER).withAudience("someone-else")
                .withSubject("acme0001").withClaim("tenant", "acme").withClaim("scope", "jobs:read")
                .withExpiresAt(Instant.now().plusSeconds(60))
                .sign(Algorithm.ECDSA256(JwtKeys.loadOrGenerate(file).publicKey(), JwtKeys.loadOrGenerate(file).privateKey()));
        assertTrue(now.verify(otherAudience).isEmpty(), "wrong audience");

        registry.revoke("acme0001");
        assertTrue(now.verify(good).isEmpty(), "a revoked key's tokens die with it");
        assertTrue(registry.authenticate(key).isEmpty());
    }

    @Test
    void apiKeysAreParsedStrictly() {
        assertEquals(key, ApiKey.parse("kf_acme0001_acmesecret0123456789").orElseThrow());
        assertTrue(ApiKey.parse("kf_ACME_acmesecret0123456789").isEmpty());
        assertTrue(ApiKey.parse("kf_acme0001_short").isEmpty());
        assertTrue(ApiKey.parse("Bearer kf_acme0001_acmesecret0123456789").isEmpty());
        assertTrue(ApiKey.generate().token().startsWith("kf_"));
    }
}
