package io.kycflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.agent.AgentDefinition;
import io.kycflow.common.agent.AgentRules;
import io.kycflow.common.json.Json;
import io.kycflow.common.topic.Topics;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Through the API on a real broker: a submission names its agent's rules ({@code rules_id}) instead of carrying
 * them, and carries them only when its registry task does not hold them yet, under a new submission; the
 * client sees one answer either way.
 */
@ExtendWith(SharedKafka.class)
class RulesByNameTest {

    /** More jobs than any test broker has partitions, so some registry task sees a second job. */
    private static final int JOBS = 13;

    @TempDir
    static Path data;

    @Test
    void aSubmissionCarriesItsRulesOnlyUntilItsRegistryTaskHoldsThem(EmbeddedKafkaBroker broker) throws IOException {
        // Rules no other test has sent (their description is new), so no registry task holds them yet.
        Path agents = Files.writeString(data.resolve("agents.json"), """
                {"agents": [{"key": "named-rules", "version": "t1",
                  "checks": [{"id": "kyc.sanctions_screening_check_v2"}],
                  "decision_rules": [{"description": "%s", "when": {"check": "*", "status": "error"}, "recommendation": "Review"},
                                     {"recommendation": "Approve"}]}]}
                """.formatted(UUID.randomUUID()));
        AgentDefinition agent = AgentCatalog.load(Optional.of(agents)).find("named-rules").orElseThrow();
        String rulesId = new AgentRules(agent.decisionRules(), agent.riskRules()).id();
        List<String> jobIds = IntStream.range(0, JOBS).mapToObj(i -> UUID.randomUUID().toString()).toList();
        try (RunningApi api = RunningApi.start(broker, data, "rules-by-name", Map.of("KYCFLOW_AGENTS_FILE", agents.toString()))) {
            ApiClient acme = new ApiClient(api.baseUrl(), RunningApi.ACME_KEY.token());
            for (String jobId : jobIds) {
                String body = """
                        {"agent_key": "named-rules", "job_id": "%s",
                         "kyc_schema": {"id": "c", "self_attested_data": {"first_name": "Amelia", "last_name": "Hartley"}}}
                        """.formatted(jobId);
                ApiClient.Response started = acme.post("/api/v1/startKYCAgentJob", body);
                assertEquals(200, started.status(), started.raw().body());
                assertEquals(409, acme.post("/api/v1/startKYCAgentJob", body).status());
            }
        }

        Map<String, List<JsonNode>> commands = commandsOf(broker, jobIds.stream().map(id -> "acme/" + id)
                .collect(Collectors.toSet()));
        int carriedOnce = 0;
        for (String jobId : jobIds) {
            List<JsonNode> sent = commands.get("acme/" + jobId);
            // Named, accepted; or named, refused, then whole; then the repeat, named (a 409 needs no rules).
            assertTrue(sent.size() == 2 || sent.size() == 3, jobId + ": " + sent.size() + " commands");
            JsonNode first = sent.getFirst().path("request").path("plan");
            assertEquals(rulesId, first.path("rules_id").asText(), "the first command names the rules");
            assertTrue(first.path("decision_rules").isEmpty() && first.path("risk_rules").isEmpty(), "and carries none");
            if (sent.size() == 3) {
                carriedOnce++;
                JsonNode whole = sent.get(1);
                assertFalse(whole.path("request").path("plan").path("decision_rules").isEmpty(), "the second carries them");
                assertNotEquals(sent.getFirst().path("submission_id").asText(), whole.path("submission_id").asText(),
                        "under a submission of its own");
            }
            assertTrue(sent.getLast().path("request").path("plan").path("decision_rules").isEmpty(), "the repeat names them");
        }
        assertTrue(carriedOnce >= 1, "a task that did not hold the rules got them, whole");
        assertTrue(carriedOnce < JOBS, "once a task holds the rules, a submission only names them (" + carriedOnce + ")");
    }

    private static Map<String, List<JsonNode>> commandsOf(EmbeddedKafkaBroker broker, Set<String> keys) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, List<JsonNode>> byKey = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            String topic = Topics.JOB_COMMANDS.name();
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < until) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(r.key())) {
                        byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Json.fromBytes(r.value(), JsonNode.class));
                    }
                }
            }
        }
        return byKey;
    }
}
