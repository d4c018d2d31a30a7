package io.kycflow.common.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthServerTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final AtomicReference<Optional<String>> listsReason =
            new AtomicReference<>(Optional.of("lists_unavailable: No sanctions list is loaded."));
    private static HealthServer server;

    @BeforeAll
    static void start() {
        server = HealthServer.start("127.0.0.1", 0, List.of(
                HealthContributor.of("lists", listsReason::get),
                HealthContributor.of("consumer", Optional::empty)));
    }

    @AfterAll
    static void stop() {
        server.close();
        http.close();
    }

    @Test
    void liveIsUpEvenWhenNotReady() throws Exception {
        HttpResponse<String> response = get("/health/live");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("up", Json.mapper().readTree(response.body()).path("status").asText());
    }

    @Test
    void notReadyIs503WithRetryAfterAndEveryComponentsState() throws Exception {
        listsReason.set(Optional.of("lists_unavailable: No sanctions list is loaded."));
        HttpResponse<String> response = get("/health/ready");
        assertEquals(503, response.statusCode());
        assertTrue(response.headers().firstValue("Retry-After").isPresent());
        JsonNode body = Json.mapper().readTree(response.body());
        assertEquals("not ready", body.path("status").asText());
        assertEquals("not ready", body.path("components").path("lists").path("status").asText());
        assertEquals("lists_unavailable: No sanctions list is loaded.",
                body.path("components").path("lists").path("reason").asText());
        assertEquals("ready", body.path("components").path("consumer").path("status").asText());
        assertFalse(body.path("components").path("consumer").has("reason"));
    }

    @Test
    void readyIs200WithComponentsAndNoRetryAfter() throws Exception {
        listsReason.set(Optional.empty());
        try {
            HttpResponse<String> response = get("/health/ready");
            assertEquals(200, response.statusCode());
            assertFalse(response.headers().firstValue("Retry-After").isPresent());
            assertEquals(Json.mapper().readTree("""
                    {"status":"ready","components":{"lists":{"status":"ready"},"consumer":{"status":"ready"}}}"""),
                    Json.mapper().readTree(response.body()));
        } finally {
            listsReason.set(Optional.of("lists_unavailable: No sanctions list is loaded."));
        }
    }

    @Test
    void aContributorThatThrowsIsNotReadyAndNamesOnlyTheExceptionKind() {
        ReadinessReport report = ReadinessReport.of(List.of(HealthContributor.of("broken", () -> {
            throw new IllegalStateException("subject Jane Roe");
        })));
        assertFalse(report.isReady());
        String reason = report.components().get("broken").reason();
        assertTrue(reason.contains("IllegalStateException"), reason);
        assertFalse(reason.contains("Jane"), reason);
    }

    @Test
    void otherPathsAre404AndOtherMethods405() throws Exception {
        assertEquals(404, get("/health/readyz").statusCode());
        assertEquals(404, get("/").statusCode());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/health/ready"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
