package io.kycflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client for the API under test (the JDK's HttpClient; Javalin's test tools are not served here). */
public final class ApiClient {

    /** A response with its body parsed (a JSON error body too). */
    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String bearer;

    public ApiClient(String baseUrl, String bearer) {
        this.baseUrl = baseUrl;
        this.bearer = bearer;
    }

    public ApiClient as(String otherBearer) {
        return new ApiClient(baseUrl, otherBearer);
    }

    public Response post(String path, String json) {
        return post(path, json, "application/json");
    }

    public Response post(String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** A POST whose answer is not JSON (the PDF report): its bytes, after checking it is a 200. */
    public byte[] postForBytes(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(30)).GET());
    }

    private Response send(HttpRequest.Builder request) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                body = response.body().isEmpty() ? null : Json.mapper().readTree(response.body());
            } catch (IOException notJson) {
                body = null;
            }
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String startBody(String jobId, String firstName) {
        return """
                {"agent_key": "public-kyc", %s
                 "kyc_schema": {"id": "case-%s", "self_attested_data": {
                   "first_name": "%s", "last_name": "Doe", "date_of_birth": "1990-04-01",
                   "country_of_nationality": "GB", "email": "jane@example.com"}}}
                """.formatted(jobId == null ? "" : "\"job_id\": \"" + jobId + "\",", jobId, firstName);
    }
}
