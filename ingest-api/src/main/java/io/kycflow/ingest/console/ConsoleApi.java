package io.kycflow.ingest.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The console is a client of the public API, like any other: every page reads and every form writes through
 * the API operations of this instance, with the signed-in caller's own credential. So the console has exactly
 * the caller's tenant and scopes, and the API's validation, forwarding to the job's owner, merging of
 * listings and rate limit apply unchanged; it holds no privileged path to the stores.
 */
final class ConsoleApi {

    /** An API answer: its status, its JSON body (an error's too), or its raw bytes (the PDF report). */
    record Answer(int status, JsonNode json, byte[] bytes, String contentType) {
        boolean ok() {
            return status == 200;
        }

        /** The API's own words for an error: its message and the first field problem. */
        String problem() {
            if (json == null) {
                return "The API answered " + status + ".";
            }
            String message = json.path("error").asText("The API answered " + status + ".");
            JsonNode detail = json.path("details").path(0);
            return detail.isMissingNode() ? message
                    : message + " " + detail.path("field").asText() + ": " + detail.path("problem").asText();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;

    ConsoleApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Answer get(String token, String pathAndQuery) {
        return send(token, HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET());
    }

    Answer post(String token, String path, ObjectNode body) {
        return send(token, HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body))));
    }

    private Answer send(String token, HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = null;
            if (type.startsWith("application/json") && response.body().length > 0) {
                try {
                    json = Json.mapper().readTree(response.body());
                } catch (IOException unreadable) {
                    json = null;
                }
            }
            return new Answer(response.statusCode(), json, response.body(), type);
        } catch (IOException e) {
            return new Answer(503, null, new byte[0], "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, null, new byte[0], "");
        }
    }
}
