package io.kycflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.app.Kycflow;
import io.kycflow.common.json.Json;
import io.kycflow.ingest.ApiClient;
import io.kycflow.ingest.RunningApi;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kycflow apikey create/revoke} against a running system found through {@code --kafka-port} (the
 * all-in-one's embedded broker): two API instances learn the key from the shared topic, and both refuse it,
 * and the tokens issued for it, once revoked.
 */
@ExtendWith(SharedKafka.class)
class ApiKeyCommandTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private record Run(int exit, String out, String err) {
    }

    private static Run kycflow(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Kycflow()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aKeyCreatedByTheCommandWorksOnEveryInstanceUntilRevoked(EmbeddedKafkaBroker broker, @TempDir Path data)
            throws Exception {
        String port = broker.bootstrapServers().substring(broker.bootstrapServers().lastIndexOf(':') + 1);
        try (RunningApi first = RunningApi.start(broker, data, "apikey-a", Map.of());
             RunningApi second = RunningApi.start(broker, data, "apikey-b", Map.of())) {
            Run created = kycflow("apikey", "create", "--tenant", "initech", "--json", "--kafka-port", port);
            assertEquals(0, created.exit(), created.err());
            List<String> lines = created.out().lines().toList();
            assertEquals(1, lines.size(), "--json prints exactly one line on stdout: " + created.out());
            JsonNode key = Json.mapper().readTree(lines.getFirst());
            assertEquals("initech", key.get("tenant").asText());
            assertEquals(List.of("jobs:read", "jobs:write"), List.of(key.get("scopes").get(0).asText(), key.get("scopes").get(1).asText()));
            String apiKey = key.get("api_key").asText();
            assertTrue(apiKey.startsWith("kf_" + key.get("key_id").asText() + "_"));

            String body = "{\"api_key\": \"" + apiKey + "\"}";
            ApiClient anonymousA = new ApiClient(first.baseUrl(), null);
            ApiClient anonymousB = new ApiClient(second.baseUrl(), null);
            await(() -> anonymousA.post("/api/v1/auth/token", body).status(), s -> s == 200);
            await(() -> anonymousB.post("/api/v1/auth/token", body).status(), s -> s == 200);
            String token = anonymousA.post("/api/v1/auth/token", body).body().get("access_token").asText();
            ApiClient withToken = new ApiClient(second.baseUrl(), token);
            // The token works on the other instance (404: no such job; 503 while the two registries share out partitions).
            await(() -> withToken.get("/api/v1/getJobById?job_id=none").status(), s -> s == 404);

            Run revoked = kycflow("apikey", "revoke", "--key-id", key.get("key_id").asText(), "--kafka-port", port);
            assertEquals(0, revoked.exit(), revoked.err());
            await(() -> anonymousB.post("/api/v1/auth/token", body).status(), s -> s == 401);
            await(() -> withToken.get("/api/v1/getJobById?job_id=none").status(), s -> s == 401);
            await(() -> new ApiClient(first.baseUrl(), apiKey).get("/api/v1/getJobById?job_id=none").status(), s -> s == 401);
        }
    }

    @Test
    void badArgumentsAreRefusedWithoutWritingAnything(EmbeddedKafkaBroker broker) {
        String port = broker.bootstrapServers().substring(broker.bootstrapServers().lastIndexOf(':') + 1);
        Run badTenant = kycflow("apikey", "create", "--tenant", "Not A Tenant", "--kafka-port", port);
        assertEquals(2, badTenant.exit());
        assertTrue(badTenant.err().contains("--tenant"), badTenant.err());
        Run badScope = kycflow("apikey", "create", "--tenant", "initech", "--scopes", "jobs:read,root", "--kafka-port", port);
        assertEquals(2, badScope.exit());
        assertTrue(badScope.err().contains("--scopes"), badScope.err());
        Run unknown = kycflow("apikey", "revoke", "--key-id", "nosuchkey", "--kafka-port", port);
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no API key with id nosuchkey"), unknown.err());
    }

    private static void await(java.util.function.IntSupplier status, IntPredicate done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = status.getAsInt();
            if (done.test(last)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("status still " + last + " after " + WAIT);
    }
}
