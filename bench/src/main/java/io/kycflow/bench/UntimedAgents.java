package io.kycflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bundled agents with every check's timeout set past any benchmark run. The ingest benchmark starts no check
 * workers, so under the real timeouts (two minutes for public-kyc's jurisdiction check) every job it had accepted
 * would time out a few minutes later, in the middle of whichever target was being measured then, and charge that
 * target for the registry's work. Only the timeouts differ: the checks, arguments and rules are the bundled ones.
 */
final class UntimedAgents {

    static final String TIMEOUT = "7d";

    private UntimedAgents() {
    }

    /** Writes them to {@code dir/agents.json} and returns that file. */
    static Path write(Path dir) {
        try (InputStream bundled = AgentCatalog.class.getResourceAsStream(AgentCatalog.BUNDLED_RESOURCE)) {
            if (bundled == null) {
                throw new IllegalStateException("the bundled " + AgentCatalog.BUNDLED_RESOURCE + " is not on the class path");
            }
            JsonNode agents = Json.mapper().readTree(bundled);
            for (JsonNode agent : agents.path("agents")) {
                for (JsonNode check : agent.path("checks")) {
                    ((ObjectNode) check).put("timeout", TIMEOUT);
                }
            }
            Path file = dir.resolve("agents.json");
            Files.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(agents));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark's agents file", e);
        }
    }
}
