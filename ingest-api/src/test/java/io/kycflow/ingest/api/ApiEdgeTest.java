package io.kycflow.ingest.api;

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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The edge as a whole, on a real broker: which routes are public, the rest need a token; the per-tenant rate limit. */
@ExtendWith(SharedKafka.class)
class ApiEdgeTest {

    private static final int RATE_LIMIT = 5;
    /** Routes anyone may call; every other registered route must answer 401 without a token. */
    private static final List<String> PUBLIC = List.of("GET /health/live", "GET /health/ready", "GET /metrics",
            "GET /api/v1/openapi.json", "GET /docs", "GET /docs/{asset}", "GET /.well-known/jwks.json",
            "POST /api/v1/auth/token", "POST /auth/token");

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
}
