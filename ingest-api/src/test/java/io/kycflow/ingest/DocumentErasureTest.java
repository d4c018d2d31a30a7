package io.kycflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.command.CheckTask;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.command.SubmitJob;
import io.kycflow.common.crypto.PersonalDataProtection;
import io.kycflow.common.json.Json;
import io.kycflow.common.topic.Topics;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person's document on a real broker: it travels inside the sealed {@code kyc_schema} (the submit command
 * and the check task hold no byte of it in plain text), its owner reads it back, and after deleteJob the very
 * records that carried it no longer open: the job's data key is destroyed, so the document is unreadable.
 */
@ExtendWith(SharedKafka.class)
class DocumentErasureTest {

    private static final String CHECK = "kyc.proof_of_address_verification";

    @Test
    void aDocumentIsSealedInEveryRecordAndUnreadableOnceTheJobIsDeleted(EmbeddedKafkaBroker broker, @TempDir Path data)
            throws Exception {
        String jobId = "doc-" + UUID.randomUUID();
        String b64 = Base64.getEncoder().encodeToString(pdf("Electricity bill for Amelia Hartley " + jobId));
        // A stretch from the middle of the base64: any plain copy of the document would contain it.
        String stretch = b64.substring(b64.length() / 2, b64.length() / 2 + 48);
        try (RunningApi api = RunningApi.start(broker, data, "documents-api", Map.of())) {
            ApiClient acme = new ApiClient(api.baseUrl(), RunningApi.ACME_KEY.token());
            ObjectNode body = Json.mapper().createObjectNode().put("agent_key", "kyc-documents").put("job_id", jobId);
            body.putObject("kyc_schema").put("id", "case-" + jobId).putObject("self_attested_data")
                    .put("first_name", "Amelia").put("last_name", "Hartley")
                    .putArray("proof_of_address_documents").addObject().put("b64_document", b64).put("file_name", "bill.pdf");
            assertEquals(200, acme.post("/api/v1/startKYCAgentJob", Json.toString(body)).status());

            JsonNode read = acme.get("/api/v1/getJobById?job_id=" + jobId).body();
            assertEquals(b64, read.at("/input_payload/self_attested_data/proof_of_address_documents/0/b64_document").asText(),
                    "the owner reads the document back");

            String key = "acme/" + jobId;
            byte[] taskBytes = record(broker, Topics.checkTasks(CHECK).name(), key);
            byte[] commandBytes = record(broker, Topics.JOB_COMMANDS.name(), key);
            for (byte[] raw : List.of(taskBytes, commandBytes)) {
                String text = new String(raw, StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(stretch), "no plain copy of the document in a record");
                assertTrue(text.contains("$sealed"), "the subject is sealed");
            }
            CheckTask task = Topics.checkTasks(CHECK).valueSerde().deserializer().deserialize("t", taskBytes);
            assertEquals(b64, task.subject().at("/self_attested_data/proof_of_address_documents/0/b64_document").asText(),
                    "before deletion the worker opens it");

            assertEquals(200, acme.post("/api/v1/deleteJob", "{\"job_id\":\"" + jobId + "\"}").status());
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (PersonalDataProtection.ring().holds(task.dataKeyRef()) && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertTrue(PersonalDataProtection.ring().isDestroyed(task.dataKeyRef()));

            CheckTask after = Topics.checkTasks(CHECK).valueSerde().deserializer().deserialize("t", taskBytes);
            assertNotNull(after, "the record still parses");
            assertNull(after.subject(), "but the document in it is unreadable: its key is destroyed");
            JobCommand command = Topics.JOB_COMMANDS.valueSerde().deserializer().deserialize("t", commandBytes);
            assertNull(((SubmitJob) command).request().kycSchema(), "the submission's copy too");
            JsonNode deleted = acme.get("/api/v1/getJobById?job_id=" + jobId).body();
            assertFalse(deleted.toString().contains(stretch), deleted.toString());
        }
    }

    private static byte[] pdf(String text) throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(60, 700);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The raw value of the first record with this key (waiting for it), read_committed. */
    private static byte[] record(EmbeddedKafkaBroker broker, String topic, String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < until) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8)) && r.value() != null) {
                        return r.value();
                    }
                }
            }
        }
        throw new AssertionError("no record for " + key + " on " + topic);
    }
}
