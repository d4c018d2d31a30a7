package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Bearers that must not pass: the genuine JWT with a character changed, a forged header ({@code alg: none},
 * HMAC, RSA), claims edited to another tenant, truncated or with its parts shuffled; the genuine API key
 * with a character changed; printable noise; a header too long for Jetty.
 */
final class ForgedBearers {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/";

    private final String jwt;
    private final String apiKey;

    ForgedBearers(String jwt, String apiKey) {
        this.jwt = jwt;
        this.apiKey = apiKey;
    }

    String next(RandomGenerator random) {
        return switch (RandomText.weighted(random, 45, 20, 30, 5)) {
            case 0 -> mangledJwt(random);
            case 1 -> {
                char[] key = apiKey.toCharArray();
                key[random.nextInt(key.length)] = (char) ('!' + random.nextInt(94));
                yield new String(key);
            }
            case 2 -> RandomText.range(random, ' ', '~', 300);
            default -> "A".repeat(4000 + random.nextInt(6001));
        };
    }

    private String mangledJwt(RandomGenerator random) {
        String[] parts = jwt.split("\\.");
        return switch (random.nextInt(5)) {
            case 0 -> {
                char[] chars = jwt.toCharArray();
                chars[random.nextInt(chars.length)] = TOKEN_CHARS.charAt(random.nextInt(TOKEN_CHARS.length()));
                yield new String(chars);
            }
            case 1 -> base64url("{\"alg\":\"" + RandomText.pick(random, List.of("none", "HS256", "RS256", "ES384", "ES256"))
                    + "\",\"kid\":\"" + JsonNodeFactory.instance.textNode(RandomText.mixed(random, 10)).asText().replace("\"", "") + "\"}")
                    + "." + parts[1] + "." + (random.nextBoolean() ? parts[2] : "");
            case 2 -> parts[0] + "." + base64url("{\"tenant\":\"globex\",\"scope\":\"admin\",\"sub\":\"acme0001\","
                    + "\"iss\":\"kycflow\",\"aud\":\"kycflow-api\",\"exp\":99999999999}") + "." + parts[2];
            case 3 -> jwt.substring(0, random.nextInt(jwt.length()));
            default -> parts[random.nextInt(3)] + "." + parts[random.nextInt(3)] + "." + parts[random.nextInt(3)];
        };
    }

    private static String base64url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
