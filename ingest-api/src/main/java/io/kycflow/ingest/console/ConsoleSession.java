package io.kycflow.ingest.console;

import io.javalin.http.Context;
import io.kycflow.ingest.auth.Authenticator;
import io.kycflow.ingest.auth.Principal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The console's session: the caller's JWT in a cookie that scripts cannot read ({@code HttpOnly}), that the
 * browser sends only to the console's own pages and never on a cross-site request ({@code SameSite=Strict}),
 * and only over TLS when the console is reached over TLS ({@code Secure}). Nothing is kept on the server, so
 * every API instance serves every session, and revoking the API key ends the session at once (the JWT dies
 * with its key).
 * <p>
 * CSRF: every form carries a token derived from the session's JWT with HMAC-SHA-256. A page on another site
 * can neither read the cookie nor the page, so it cannot produce the token; the sign-in form, which has no
 * session yet, uses a random double-submit cookie instead.
 */
final class ConsoleSession {

    static final String COOKIE = "kycflow_console";
    static final String LOGIN_COOKIE = "kycflow_console_login";
    static final String PATH = "/console";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A signed-in caller: the credential the console presents to the API on their behalf, and who they are. */
    record Session(String token, Principal principal) {
        boolean mayDecide() {
            return principal.may(Principal.JOBS_WRITE);
        }

        String csrf() {
            return csrfFor(token);
        }
    }

    private final Authenticator authenticator;

    ConsoleSession(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** The session of this request, when its cookie holds a credential that is still valid. */
    Optional<Session> current(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token == null || token.isEmpty() || token.length() > 4096) {
            return Optional.empty();
        }
        return authenticator.authenticateCredential(token).map(p -> new Session(token, p));
    }

    static void start(Context ctx, String token, Duration lifetime) {
        ctx.header("Set-Cookie", cookie(ctx, COOKIE, token, PATH, lifetime.toSeconds()));
    }

    static void end(Context ctx) {
        ctx.header("Set-Cookie", cookie(ctx, COOKIE, "", PATH, 0));
    }

    /** A fresh sign-in token, set as a cookie scoped to the sign-in form, for the form to repeat. */
    static String startSignIn(Context ctx) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ctx.header("Set-Cookie", cookie(ctx, LOGIN_COOKIE, value, PATH + "/login", 600));
        return value;
    }

    static boolean signInTokenMatches(Context ctx, String submitted) {
        return sameText(ctx.cookie(LOGIN_COOKIE), submitted);
    }

    static boolean csrfMatches(Session session, String submitted) {
        return sameText(session.csrf(), submitted);
    }

    private static boolean sameText(String expected, String submitted) {
        return expected != null && submitted != null && !expected.isEmpty()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    private static String csrfFor(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal("kycflow-console-csrf".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Over TLS (directly, or behind a TLS-terminating proxy that says so), the cookie is {@code Secure}. */
    static boolean overTls(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private static String cookie(Context ctx, String name, String value, String path, long maxAgeSeconds) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (overTls(ctx) ? "; Secure" : "");
    }
}
