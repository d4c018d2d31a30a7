package io.kycflow.ingest.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenServiceTest {

    @TempDir
    Path dir;

    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private final ApiKey key = new ApiKey("acme0001", "acmesecret0123456789");
    private final Principal acme = new Principal("acme", "acme0001", Set.of(Principal.JOBS_READ));

    private TokenService service(Path keyFile, ApiKeyRegistry registry, Clock clock) {
        return new TokenService(JwtKeys.loadOrGenerate(keyFile), registry, TTL, clock);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private ApiKeyRegistry registry() {
        ApiKeyRegistry registry = new ApiKeyRegistry();
        registry.register("acme", key, acme.scopes());
        return registry;
    }

    private Path write(String name, String pem) throws IOException {
        return Files.writeString(dir.resolve(name), pem, StandardCharsets.US_ASCII);
    }

    private static Algorithm es256(JwtKey key) {
        return Algorithm.ECDSA256(key.publicKey(), key.privateKey().orElseThrow());
    }

    @Test
    void aTokenCarriesTenantKeyAndScopesAndVerifiesOnAnotherInstanceWithTheSameKeyFile() {
        Path file = dir.resolve("jwt.pem");
        String token = service(file, registry(), Clock.systemUTC()).issue(acme).token();
        assertEquals(acme, service(file, registry(), Clock.systemUTC()).verify(token).orElseThrow());
        assertEquals("jobs:read", JWT.decode(token).getClaim("scope").asString());
        assertEquals(JwtKeys.loadOrGenerate(file).signing().keyId(), JWT.decode(token).getKeyId());
        assertTrue(service(dir.resolve("other.pem"), registry(), Clock.systemUTC()).verify(token).isEmpty(),
                "another signing key does not verify it");
    }

    @Test
    void afterRotationTheNewKeySignsAndTheOldKeysTokensVerifyUntilTheyExpire() throws IOException {
        KeyPair oldPair = JwtKeys.generate();
        KeyPair newPair = JwtKeys.generate();
        ApiKeyRegistry registry = registry();
        Path before = write("before.pem", JwtKeys.toPem(oldPair));
        String oldToken = service(before, registry, at(T0)).issue(acme).token();

        // Rotation: the new pair first, the old one after it (with or without its private half).
        for (String oldEntry : List.of(JwtKeys.toPem(oldPair), JwtKeys.publicPem(oldPair))) {
            Path after = write("after.pem", JwtKeys.toPem(newPair) + oldEntry);
            TokenService rotated = service(after, registry, at(T0.plusSeconds(60)));
            assertEquals(acme, rotated.verify(oldToken).orElseThrow(), "the previous key still verifies");
            String newToken = rotated.issue(acme).token();
            assertEquals(JwtKeys.loadOrGenerate(after).all().getFirst().keyId(), JWT.decode(newToken).getKeyId());
            assertTrue(service(before, registry, at(T0.plusSeconds(60))).verify(newToken).isEmpty(),
                    "an instance that has not rotated yet does not know the new key");
            assertTrue(service(after, registry, at(T0.plus(TTL).plusSeconds(60))).verify(oldToken).isEmpty(),
                    "the old key's tokens still expire");
        }

        // Once the old key is gone from the file its tokens stop verifying.
        Path retired = write("retired.pem", JwtKeys.toPem(newPair));
        assertTrue(service(retired, registry, at(T0.plusSeconds(60))).verify(oldToken).isEmpty());
    }

    @Test
    void aTokenWithAnUnknownOrMissingKidOrSignedByAnotherKeyUnderAKnownKidIsRefused() {
        Path file = dir.resolve("jwt.pem");
        TokenService service = service(file, registry(), at(T0));
        JwtKey ours = JwtKeys.loadOrGenerate(file).signing();
        JwtKey stranger = JwtKeys.loadOrGenerate(dir.resolve("stranger.pem")).signing();
        for (String kid : new String[]{"no-such-kid", null, ours.keyId()}) {
            String token = JWT.create().withKeyId(kid).withIssuer(TokenService.ISSUER).withAudience(TokenService.AUDIENCE)
                    .withSubject("acme0001").withClaim("tenant", "acme").withClaim("scope", "admin")
                    .withNotBefore(T0).withExpiresAt(T0.plusSeconds(60)).sign(es256(stranger));
            assertTrue(service.verify(token).isEmpty(), "kid " + kid);
        }
        String genuine = JWT.create().withKeyId(ours.keyId()).withIssuer(TokenService.ISSUER)
                .withAudience(TokenService.AUDIENCE).withSubject("acme0001").withClaim("tenant", "acme")
                .withClaim("scope", "jobs:read").withExpiresAt(T0.plusSeconds(60)).sign(es256(ours));
        assertTrue(service.verify(genuine).isPresent(), "control: the same token signed by our key passes");
        String noExpiry = JWT.create().withKeyId(ours.keyId()).withIssuer(TokenService.ISSUER)
                .withAudience(TokenService.AUDIENCE).withSubject("acme0001").withClaim("tenant", "acme")
                .withClaim("scope", "jobs:read").sign(es256(ours));
        assertTrue(service.verify(noExpiry).isEmpty(), "a token without exp would never die");
        String numericScope = JWT.create().withKeyId(ours.keyId()).withIssuer(TokenService.ISSUER)
                .withAudience(TokenService.AUDIENCE).withSubject("acme0001").withClaim("tenant", "acme")
                .withClaim("scope", 7).withExpiresAt(T0.plusSeconds(60)).sign(es256(ours));
        assertTrue(service.verify(numericScope).isEmpty(), "a mistyped claim is a bad token, not an error");
    }

    @Test
    void expiryAndNotBeforeAllowThirtySecondsOfClockSkewAndNoMore() {
        Path file = dir.resolve("jwt.pem");
        ApiKeyRegistry registry = registry();
        String token = service(file, registry, at(T0)).issue(acme).token();
        Instant expiry = T0.plus(TTL);
        assertTrue(service(file, registry, at(expiry.plusSeconds(20))).verify(token).isPresent(), "20 s after exp");
        assertTrue(service(file, registry, at(expiry.plusSeconds(40))).verify(token).isEmpty(), "40 s after exp");
        assertTrue(service(file, registry, at(T0.minusSeconds(20))).verify(token).isPresent(), "20 s before nbf");
        assertTrue(service(file, registry, at(T0.minusSeconds(40))).verify(token).isEmpty(), "40 s before nbf");
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

        JwtKey ours = JwtKeys.loadOrGenerate(file).signing();
        String good = now.issue(acme).token();
        String[] parts = good.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + ours.keyId() + "\"}").getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        assertTrue(now.verify(none).isEmpty(), "alg none");
        String hs = JWT.create().withKeyId(ours.keyId()).withIssuer(TokenService.ISSUER).withAudience(TokenService.AUDIENCE)
                .withSubject("acme0001").withClaim("tenant", "acme").withClaim("scope", "admin")
                .withExpiresAt(Instant.now().plusSeconds(60))
                .sign(Algorithm.HMAC256(ours.publicKey().getEncoded()));
        assertTrue(now.verify(hs).isEmpty(), "HS256 signed with the public key");
        String otherAudience = JWT.create().withKeyId(ours.keyId()).withIssuer(TokenService.ISSUER)
                .withAudience("someone-else").withSubject("acme0001").withClaim("tenant", "acme")
                .withClaim("scope", "jobs:read").withExpiresAt(Instant.now().plusSeconds(60)).sign(es256(ours));
        assertTrue(now.verify(otherAudience).isEmpty(), "wrong audience");
        String otherIssuer = JWT.create().withKeyId(ours.keyId()).withIssuer("not-kycflow")
                .withAudience(TokenService.AUDIENCE).withSubject("acme0001").withClaim("tenant", "acme")
                .withClaim("scope", "jobs:read").withExpiresAt(Instant.now().plusSeconds(60)).sign(es256(ours));
        assertTrue(now.verify(otherIssuer).isEmpty(), "wrong issuer");

        registry.revoke("acme0001");
        assertTrue(now.verify(good).isEmpty(), "a revoked key's tokens die with it");
        assertTrue(registry.authenticate(key).isEmpty());
    }

    @Test
    void theJwksPublishesEveryPublicKeyWithItsKidAndNoPrivatePart() throws Exception {
        KeyPair newPair = JwtKeys.generate();
        KeyPair oldPair = JwtKeys.generate();
        Path file = write("ring.pem", JwtKeys.toPem(newPair) + JwtKeys.publicPem(oldPair));
        JwtKeys ring = JwtKeys.load(file);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) Jwks.of(ring).get("keys");
        assertEquals(2, keys.size());
        String token = new TokenService(ring, registry(), TTL, Clock.systemUTC()).issue(acme).token();
        for (int i = 0; i < keys.size(); i++) {
            Map<String, Object> jwk = keys.get(i);
            assertEquals(ring.all().get(i).keyId(), jwk.get("kid"));
            assertEquals("EC", jwk.get("kty"));
            assertEquals("P-256", jwk.get("crv"));
            assertEquals("ES256", jwk.get("alg"));
            assertEquals("sig", jwk.get("use"));
            assertFalse(jwk.containsKey("d"), "never the private part");
            assertEquals(ring.all().get(i).publicKey(), fromJwk(jwk), "x and y rebuild the key");
        }
        // A third party can verify our token from the JWKS alone.
        ECPublicKey published = fromJwk(keys.getFirst());
        JWT.require(Algorithm.ECDSA256(published, null)).build().verify(token);
    }

    @Test
    void aKeyFileWithAMismatchedPairOrNoPrivateKeyIsRefusedAtStart() throws IOException {
        KeyPair a = JwtKeys.generate();
        KeyPair b = JwtKeys.generate();
        String mismatched = JwtKeys.toPem(a).replace(JwtKeys.publicPem(a), JwtKeys.publicPem(b));
        assertThrows(IOException.class, () -> JwtKeys.load(write("mismatched.pem", mismatched)));
        assertThrows(IOException.class, () -> JwtKeys.load(write("public-only.pem", JwtKeys.publicPem(a))));
        assertThrows(IOException.class, () -> JwtKeys.load(write("twice.pem", JwtKeys.toPem(a) + JwtKeys.toPem(a))));
        assertTrue(JwtKeys.load(write("ok.pem", JwtKeys.toPem(a))).signing().privateKey().isPresent());
        assertTrue(JwtKeys.load(write("ok.pem", JwtKeys.toPem(a))).signing().privateKey().get() instanceof ECPrivateKey);
    }

    @Test
    void apiKeysAreParsedStrictly() {
        assertEquals(key, ApiKey.parse("kf_acme0001_acmesecret0123456789").orElseThrow());
        assertTrue(ApiKey.parse("kf_ACME_acmesecret0123456789").isEmpty());
        assertTrue(ApiKey.parse("kf_acme0001_short").isEmpty());
        assertTrue(ApiKey.parse("Bearer kf_acme0001_acmesecret0123456789").isEmpty());
        assertTrue(ApiKey.generate().token().startsWith("kf_"));
    }

    private static ECPublicKey fromJwk(Map<String, Object> jwk) throws Exception {
        Base64.Decoder decoder = Base64.getUrlDecoder();
        BigInteger x = new BigInteger(1, decoder.decode((String) jwk.get("x")));
        BigInteger y = new BigInteger(1, decoder.decode((String) jwk.get("y")));
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
    }
}
