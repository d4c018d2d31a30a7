package io.kycflow.ingest.api;

import io.javalin.http.Context;
import io.kycflow.common.json.Json;
import io.kycflow.ingest.auth.Jwks;
import io.kycflow.ingest.auth.JwtKeys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * What anyone may read without a token: the JWT verification keys, the OpenAPI document, and the
 * reference page rendering it (Swagger UI from its webjar, so no CDN is involved). Everything is read
 * from the classpath once, at start, so a broken build fails there rather than on a request.
 */
public final class PublicDocuments {

    private static final String OWN = "/kycflow-api/";
    private static final String SWAGGER_UI_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    /** The page may load only its own scripts; Swagger UI sets inline styles and data: images. */
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    private record Asset(byte[] bytes, String contentType) {
    }

    private final Map<String, Object> jwks;
    private final byte[] openApi;
    private final byte[] page;
    private final Map<String, Asset> assets;

    public PublicDocuments(JwtKeys keys) {
        this.jwks = Jwks.of(keys);
        this.openApi = read(OWN + "openapi.json");
        try {
            Json.mapper().readTree(openApi);
        } catch (IOException e) {
            throw new IllegalStateException("the bundled OpenAPI document is not valid JSON", e);
        }
        this.page = read(OWN + "docs.html");
        String swaggerUi = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
        this.assets = Map.of(
                "swagger-ui.css", new Asset(read(swaggerUi + "swagger-ui.css"), "text/css; charset=utf-8"),
                "swagger-ui-bundle.js", new Asset(read(swaggerUi + "swagger-ui-bundle.js"), "text/javascript; charset=utf-8"),
                "kycflow-docs.js", new Asset(read(OWN + "kycflow-docs.js"), "text/javascript; charset=utf-8"));
    }

    /** {@code GET /.well-known/jwks.json}: cacheable for a while, as keys rotate slowly. */
    public void jwks(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=300").json(jwks);
    }

    /** {@code GET /api/v1/openapi.json}. */
    public void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }

    /** {@code GET /docs}: the reference page. */
    public void page(Context ctx) {
        ctx.header("Content-Security-Policy", PAGE_POLICY).header("X-Content-Type-Options", "nosniff")
                .contentType("text/html; charset=utf-8").result(page);
    }

    /** {@code GET /docs/{asset}}: only the page's own files, never an arbitrary classpath resource. */
    public void asset(Context ctx) {
        Asset asset = assets.get(ctx.pathParam("asset"));
        if (asset == null) {
            throw ApiError.notFound("No such asset.");
        }
        ctx.header("Cache-Control", "public, max-age=3600").header("X-Content-Type-Options", "nosniff")
                .contentType(asset.contentType()).result(asset.bytes());
    }

    private static String webjarVersion() {
        Properties pom = new Properties();
        try (InputStream in = PublicDocuments.class.getResourceAsStream(SWAGGER_UI_POM)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing from the classpath");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = PublicDocuments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
