package io.kycflow.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.json.Json;
import io.kycflow.common.monitoring.MonitoringSubscription;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The population follows the subjects topic: records add, tombstones and erased data remove. */
class MonitoredPopulationTest {

    private static MonitoringSubscription subscription(String jobId, JsonNode schema) {
        return new MonitoringSubscription(MonitoringSubscription.SCHEMA_VERSION, "acme", jobId, "case-" + jobId, schema,
                Instant.parse("2026-01-01T00:00:00Z"), "acme/" + jobId + "#s1");
    }

    private static JsonNode person(String first, String last) {
        ObjectNode schema = Json.mapper().createObjectNode().put("id", "case");
        schema.putObject("self_attested_data").put("first_name", first).put("last_name", last)
                .put("date_of_birth", "1970-05-04").put("country_of_nationality", "IR");
        return schema;
    }

    @Test
    void aRecordAddsTheSubjectsQueryAndATombstoneRemovesIt() {
        MonitoredPopulation population = new MonitoredPopulation();
        population.accept("acme/j1", subscription("j1", person("Anna", "Alpha")));
        population.accept("acme/j2", subscription("j2", person("Ben", "Bravo")));
        assertEquals(2, population.size());
        MonitoredPopulation.Subject subject = population.find("acme/j1").orElseThrow();
        assertEquals("Anna", subject.query().firstName());
        assertEquals("1970-05-04", subject.query().dateOfBirth());
        assertEquals("acme/j1#s1", subject.dataKeyRef());
        assertEquals(2, population.forScreening().size());
        population.accept("acme/j1", null);
        assertTrue(population.find("acme/j1").isEmpty());
        assertEquals(1, population.size());
    }

    @Test
    void erasedDataOrNoNameMonitorsNothing() {
        MonitoredPopulation population = new MonitoredPopulation();
        population.accept("acme/j1", subscription("j1", person("Anna", "Alpha")));
        population.accept("acme/j1", subscription("j1", null)); // the job's key destroyed: the data reads as null
        assertTrue(population.find("acme/j1").isEmpty());
        population.accept("acme/j3", subscription("j3", Json.mapper().createObjectNode().put("id", "x")));
        assertEquals(0, population.size());
    }
}
