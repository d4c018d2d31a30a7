package io.kycflow.ingest.api;

import io.javalin.http.Context;
import io.kycflow.ingest.auth.Authenticator;
import io.kycflow.ingest.auth.Principal;
import io.kycflow.ingest.console.ConsoleRoutes;

import java.util.Set;

/**
 * The edge's before-handler: a public path passes; any other needs a valid bearer (401 otherwise, also
 * for paths that do not exist, so probing learns nothing), and then its tenant's rate limit (429).
 * Scopes are checked by each operation, which knows what it does.
 */
public final class AccessGate {

    /** Readable by anyone: health, metrics (no personal data), the API's documents, and the token endpoint. */
    public static final Set<String> PUBLIC_PATHS = Set.of("/health/live", "/health/ready", "/metrics",
            IngestApi.PREFIX + "/openapi.json", "/docs", "/.well-known/jwks.json",
            IngestApi.PREFIX + "/auth/token", "/auth/token");
    /** The reference page's scripts and styles. */
    public static final String PUBLIC_PREFIX = "/docs/";

    private final Authenticator authenticator;
    private final TenantRateLimiter rateLimiter;

    public AccessGate(Authenticator authenticator, TenantRateLimiter rateLimiter) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
    }

    /**
     * Public at the bearer gate: the listed paths, the reference page's assets, and the review console, whose
     * pages authenticate by their session cookie and send a visitor without one to sign in.
     */
    public static boolean isPublic(String path) {
        return PUBLIC_PATHS.contains(path) || path.startsWith(PUBLIC_PREFIX) || ConsoleRoutes.isConsolePath(path);
    }

    public void admit(Context ctx) {
        if (isPublic(ctx.path())) {
            return;
        }
        Principal caller = authenticator.authenticate(ctx.header("Authorization"))
                .orElseThrow(() -> ApiError.unauthorized("missing, invalid or expired bearer token or API key"));
        ctx.attribute(RequestContext.PRINCIPAL, caller);
        rateLimiter.admit(caller.tenantId());
    }
}
