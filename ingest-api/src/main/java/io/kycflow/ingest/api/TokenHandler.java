package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.kycflow.ingest.auth.ApiKey;
import io.kycflow.ingest.auth.ApiKeyRegistry;
import io.kycflow.ingest.auth.Authenticator;
import io.kycflow.ingest.auth.Principal;
import io.kycflow.ingest.auth.TokenService;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code POST /auth/token}: an API key (in the body as {@code api_key}, or as the bearer) for a short-lived JWT. */
public final class TokenHandler {

    private final ApiKeyRegistry apiKeys;
    private final TokenService tokens;

    public TokenHandler(ApiKeyRegistry apiKeys, TokenService tokens) {
        this.apiKeys = apiKeys;
        this.tokens = tokens;
    }

    public void issue(Context ctx) {
        String presented = Authenticator.bearer(ctx.header("Authorization")).orElse(null);
        if (presented == null) {
            JsonNode body = RequestContext.jsonBody(ctx);
            JsonNode key = body.get("api_key");
            if (key == null || !key.isTextual()) {
                throw ApiError.invalidField("api_key", "required: your API key (kf_…), in the body or as the bearer");
            }
            presented = key.asText();
        }
        Optional<Principal> principal = ApiKey.parse(presented).flatMap(apiKeys::authenticate);
        if (principal.isEmpty()) {
            throw ApiError.unauthorized("invalid API key");
        }
        TokenService.IssuedToken token = tokens.issue(principal.get());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.token());
        body.put("token_type", "Bearer");
        body.put("expires_in", token.expiresIn().toSeconds());
        ctx.header("Cache-Control", "no-store").json(body);
    }
}
