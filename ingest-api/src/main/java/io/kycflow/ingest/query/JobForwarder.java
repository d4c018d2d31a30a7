package io.kycflow.ingest.query;

import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Forwards a read to the API instance that owns the job, with the caller's credentials, and returns its
 * answer as it is. A forwarded request carries a header (with the read's remaining time), so it is never
 * forwarded twice.
 */
public final class JobForwarder {

    public static final String FORWARDED_HEADER = "X-Kycflow-Forwarded";

    /** The owner's answer, passed through. */
    public record Answer(int status, String body) {
    }

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public Optional<Answer> forward(HostInfo owner, String pathAndQuery, String authorization) {
        return forward(owner, pathAndQuery, authorization, null, ReadDeadline.in(Duration.ofSeconds(5)));
    }

    /**
     * Forwards a GET, or a POST of {@code jsonBody} when it is not null. The header carries what is left of
     * the read's deadline (milliseconds), so the owner waits no longer than the caller will.
     */
    public Optional<Answer> forward(HostInfo owner, String pathAndQuery, String authorization, byte[] jsonBody,
                                    ReadDeadline deadline) {
        long leftMillis = deadline.remaining().toMillis();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + owner.host() + ":" + owner.port() + pathAndQuery))
                .timeout(Duration.ofMillis(leftMillis + 1_000))
                .header("Authorization", authorization == null ? "" : authorization)
                .header(FORWARDED_HEADER, Long.toString(leftMillis));
        HttpRequest request = jsonBody == null ? builder.GET().build()
                : builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(jsonBody))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return Optional.of(new Answer(response.statusCode(), response.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
