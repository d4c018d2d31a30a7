package io.kycflow.ingest.api;

import io.javalin.http.Context;
import io.kycflow.ingest.auth.Jwks;
import io.kycflow.ingest.auth.JwtKeys;

import java.util.Map;

/** What anyone may read without a token: the JWT verification keys. */
public final class PublicDocuments {

    private final Map<String, Object> jwks;

    public PublicDocuments(JwtKeys keys) {
        this.jwks = Jwks.of(keys);
    }

    /** {@code GET /.well-known/jwks.json}: cacheable for a while, as keys rotate slowly. */
    public void jwks(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=300").json(jwks);
    }
}
