package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.ingest.ApiClient;
import io.kycflow.ingest.RunningApi;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edge as a whole, on a real broker: which routes are public and that the rest need a token; the
 * per-tenant rate limit; the OpenAPI document against the routes Javalin really has; the reference page.
 */
@ExtendWith(SharedKafka.class)
class ApiEdgeTest {

    private static final int RATE_LIMIT = 5;
    /** Routes anyone may call; every other registered route must answer 401 without a token. */
    private static final List<String> PUBLIC = List.of("GET /health/live", "GET /health/ready", "GET /metrics",
            "GET /api/v1/openapi.json", "GET /docs", "GET /docs/{asset}", "GET /.well-known/jwks.json",
            "POST /api/v1/auth/token", "POST /auth/token",
            // The review console: public at the bearer gate, guarded by its own session cookie (ReviewConsoleTest).
            "GET /console", "GET /console/login", "POST /console/login", "POST /console/logout", "GET /console/jobs/{jobId}",
            "POST /console/jobs/{jobId}/hits", "POST /console/jobs/{jobId}/decision", "GET /console/jobs/{jobId}/report.pdf",
            "GET /console/assets/console.css");

    @TempDir
    static Path data;
    private static RunningApi api;
    private static ApiClient anonymous;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) {
        api = RunningApi.start(broker, data, "edge-test", Map.of("KYCFLOW_RATE_LIMIT", Integer.toString(RATE_LIMIT)));
        anonymous = new ApiClient(api.baseUrl(), null);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", "x");
    }

    private static ApiClient.Response call(ApiClient client, String route) {
        String[] parts = route.split(" ", 2);
        String path = concrete(parts[1]);
        return switch (parts[0]) {
            case "GET" -> client.get(path);
            case "POST" -> client.post(path, "{}");
            default -> throw new AssertionError("a route with a method this test does not send: " + route);
        };
    }

    @Test
    void everyRegisteredRouteButThePublicOnesAnswers401WithoutAToken() {
        List<String> routes = api.service().api().routes();
        assertTrue(routes.containsAll(PUBLIC), "every public route exists: " + routes);
        List<String> guarded = new ArrayList<>();
        for (String route : routes) {
            ApiClient.Response response = call(anonymous, route);
            if (PUBLIC.contains(route)) {
                assertNotEquals(401, response.status(), route + " is public");
            } else {
                guarded.add(route);
                assertEquals(401, response.status(), route + " needs a token");
                assertEquals("Bearer", response.header("WWW-Authenticate"), route);
                assertNotNull(response.body().get("error"), route);
            }
        }
        assertTrue(guarded.contains("POST /api/v1/startKYCAgentJob") && guarded.contains("GET /getJobById"), guarded.toString());
        assertEquals(401, anonymous.get("/api/v1/noSuchOperation").status(), "probing unknown paths learns nothing");
        assertEquals(401, anonymous.get("/docsx").status(), "only /docs and what is under it are public");
    }

    @Test
    void aTenantOverItsRateLimitGets429WithRetryAfterWhileAnotherTenantIsServed() {
        ApiClient acme = anonymous.as(RunningApi.ACME_KEY.token());
        ApiClient globex = anonymous.as(RunningApi.GLOBEX_KEY.token());
        int ok = 0;
        ApiClient.Response limited = null;
        for (int i = 0; i < 4 * RATE_LIMIT; i++) {
            ApiClient.Response response = acme.get("/api/v1/getAvailableChecks");
            if (response.status() == 200) {
                ok++;
            } else {
                assertEquals(429, response.status(), response.raw().body());
                limited = response;
            }
        }
        assertNotNull(limited, "20 requests at once exceed 5 per second");
        assertTrue(ok >= RATE_LIMIT, "the burst is served: " + ok);
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        assertTrue(limited.body().get("error").asText().contains("Too many requests"), limited.raw().body());
        assertEquals(200, globex.get("/api/v1/getAvailableChecks").status(), "another tenant has its own bucket");
        for (int i = 0; i < 2 * RATE_LIMIT; i++) {
            assertEquals(200, anonymous.get("/health/live").status(), "public routes are not limited");
        }
        assertFalse(limited.raw().body().contains("acme"), "the error names no tenant");
    }

    /** A registered route as the document names it: an unprefixed alias of an {@code /api/v1} route is that route. */
    private static String documentedForm(String route, List<String> routes) {
        String[] parts = route.split(" ", 2);
        String prefixed = parts[0] + " " + IngestApi.PREFIX + parts[1];
        return !parts[1].startsWith(IngestApi.PREFIX) && routes.contains(prefixed) ? prefixed : route;
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheRegisteredRoutes() {
        ApiClient.Response response = anonymous.get("/api/v1/openapi.json");
        assertEquals(200, response.status());
        JsonNode doc = response.body();
        assertEquals("3.1.0", doc.get("openapi").asText());

        List<String> routes = api.service().api().routes();
        Set<String> registered = new TreeSet<>();
        routes.forEach(route -> registered.add(documentedForm(route, routes)));
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                String route = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
                documented.add(route);
                checkOperation(route, path.getValue().get(method), doc);
            });
        }
        Set<String> missing = new TreeSet<>(registered);
        missing.removeAll(documented);
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(registered);
        assertTrue(missing.isEmpty(), "registered but not in openapi.json: " + missing);
        assertTrue(extra.isEmpty(), "in openapi.json but not registered: " + extra);
    }

    /** A public operation says so; a guarded one names its scope and documents 401/403/429; errors use the Error shape. */
    private static void checkOperation(String route, JsonNode operation, JsonNode doc) {
        JsonNode security = operation.get("security");
        assertNotNull(security, route + " states its security");
        boolean anonymousAllowed = security.isEmpty() || security.toString().contains("{}");
        assertEquals(PUBLIC.contains(route), anonymousAllowed, route + ": public in the document as at the edge");
        JsonNode responses = operation.get("responses");
        if (!anonymousAllowed) {
            assertTrue(security.get(0).get("bearer").get(0).asText().matches("jobs:read|jobs:write|admin"), route);
            for (String status : List.of("401", "403", "429")) {
                assertNotNull(responses.get(status), route + " documents " + status);
            }
        }
        responses.fieldNames().forEachRemaining(status -> {
            JsonNode schema = responses.get(status).at("/content/application~1json/schema/$ref");
            if (status.startsWith("4") || status.startsWith("5") && !route.equals("GET /health/ready")) {
                assertTrue(schema.asText().matches("#/components/schemas/(Error|DuplicateJob)"),
                        route + " " + status + " answers the error shape: " + schema);
            }
            if (!schema.isMissingNode()) {
                assertFalse(doc.at(schema.asText().substring(1)).isMissingNode(), route + " refers to " + schema);
            }
        });
    }

    @Test
    void theReferencePageRendersTheDocumentFromTheClasspathWithoutACdn() {
        ApiClient.Response page = anonymous.get("/docs");
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"));
        assertFalse(page.raw().body().contains("https://"), "no third-party host");
        ApiClient.Response bundle = anonymous.get("/docs/swagger-ui-bundle.js");
        assertEquals(200, bundle.status());
        assertTrue(bundle.raw().body().length() > 100_000 && bundle.raw().body().contains("SwaggerUIBundle"));
        assertEquals(200, anonymous.get("/docs/swagger-ui.css").status());
        assertTrue(anonymous.get("/docs/kycflow-docs.js").raw().body().contains("/api/v1/openapi.json"));
        for (String probe : List.of("/docs/pom.properties", "/docs/..%2Fkycflow-api%2Fopenapi.json", "/docs/index.html")) {
            ApiClient.Response response = anonymous.get(probe);
            assertEquals(404, response.status(), probe);
            assertNotNull(response.body().get("error"), probe);
        }
    }

    @Test
    void requestsJettyRefusesBeforeTheApiSeesThemGetTheJsonErrorShapeToo() {
        RawHttp raw = new RawHttp(Integer.parseInt(api.baseUrl().substring(api.baseUrl().lastIndexOf(':') + 1)));
        byte[] target = "/api/v1/getAvailableChecks".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        RawHttp.Answer control = raw.send("GET", target, Map.of(), null);
        assertEquals(401, control.status());
        RawHttp.Answer tooLarge = raw.send("GET", target, Map.of("Authorization", "Bearer " + "A".repeat(10_000)), null);
        RawHttp.Answer illegal = raw.send("GET", target, Map.of("Content-Type", "application/json\u0000"), null);
        RawHttp.Answer badTarget = raw.send("GET", "/api/v1/getJobById?job_id=a b".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of(), null);
        for (RawHttp.Answer answer : List.of(tooLarge, illegal, badTarget)) {
            assertTrue(answer.status() >= 400 && answer.status() < 500, answer.status() + " " + answer.text());
            assertTrue(answer.headers().get("content-type").startsWith("application/json"), answer.headers().toString());
            assertTrue(answer.text().contains("\"error\""), answer.text());
            assertFalse(answer.text().contains("<html"), answer.text());
        }
        assertEquals(431, tooLarge.status());
    }
}
