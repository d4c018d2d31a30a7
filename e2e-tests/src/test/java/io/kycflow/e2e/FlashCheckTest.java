package io.kycflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.crypto.MasterKeys;
import io.kycflow.common.json.Json;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.ingest.ApiClient;
import io.kycflow.ingest.RunningApi;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import io.kycflow.workers.CheckWorkersService;
import io.kycflow.workers.checks.CheckSuite;
import io.kycflow.workers.checks.documents.mrz.CheckDigit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code runFlashCheck} end to end: the API, the registry and the document workers on the embedded broker. The
 * answer is the finished Job with its check result inline; a wrong name is a Review; a job of the documents
 * agent without documents is not failed by its checks and still asks for review.
 */
@ExtendWith(SharedKafka.class)
class FlashCheckTest {

    @TempDir
    static Path data;
    private static RunningApi api;
    private static CheckSuite suite;
    private static CheckWorkersService workers;
    private static ApiClient client;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) {
        KycflowConfig config = KycflowConfig.from(Map.of("KYCFLOW_LISTS_DOWNLOAD", "off", "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "KYCFLOW_DATA_DIR", data.toString(), "KYCFLOW_MASTER_KEY", RunningApi.TEST_MASTER_KEY));
        api = RunningApi.start(broker, data, "flash-api", Map.of());
        suite = CheckSuite.create(List.of("kyc.proof_of_address_verification", "kyc.government_id_verification"),
                config, Clock.systemUTC());
        workers = new CheckWorkersService(new KafkaClientSettings(broker.bootstrapServers()),
                MasterKeys.of(config.masterKey(), config.dataDir()), suite.checks(), 2, "flash").start();
        client = new ApiClient(api.baseUrl(), RunningApi.ACME_KEY.token());
    }

    @AfterAll
    static void stop() throws Exception {
        workers.close();
        suite.close();
        api.close();
    }

    private static String bill(String name) throws Exception {
        String date = LocalDate.now(ZoneOffset.UTC).minusDays(20).toString();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.setLeading(16);
                content.newLineAtOffset(60, 720);
                for (String line : List.of("Cityside Water Services", "Water bill", "Bill date: " + date, name,
                        "14 Elm Road", "Bristol", "BS1 4DJ", "Account number 88120", "Amount due 41.10 GBP")) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            document.save(out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        }
    }

    private static ObjectNode flash(String jobId, String checkId) {
        ObjectNode body = Json.mapper().createObjectNode().put("agent_key", "doc-flash-v1").put("job_id", jobId)
                .put("check_id", checkId);
        body.putObject("kyc_schema").put("id", "case-" + jobId).putObject("self_attested_data")
                .put("first_name", "Amelia").put("last_name", "Hartley").put("date_of_birth", "1990-01-15")
                .put("country_of_nationality", "GB")
                .putObject("address").put("street_1", "14 Elm Rd").put("city", "Bristol").put("postal_code", "BS14DJ")
                .put("country_code", "GB");
        return body;
    }

    private static ObjectNode data(ObjectNode body) {
        return (ObjectNode) body.at("/kyc_schema/self_attested_data");
    }

    @Test
    void aValidBillIsAnsweredInlineWithItsCheckResult() throws Exception {
        String jobId = "flash-" + UUID.randomUUID();
        ObjectNode body = flash(jobId, "kyc.proof_of_address_verification");
        data(body).putArray("proof_of_address_documents").addObject().put("b64_document", bill("Amelia Hartley"))
                .put("file_name", "water.pdf");
        body.putObject("check_args").put("validity_period", 90).putArray("accepted_documents").add("utility_bill");

        ApiClient.Response response = client.post("/api/v1/runFlashCheck", Json.toString(body));

        assertEquals(200, response.status(), response.body().toString());
        JsonNode job = response.body();
        assertEquals(jobId, job.get("id").asText());
        assertEquals("complete", job.get("status").asText());
        assertEquals("Approve", job.get("recommendation").asText());
        assertFalse(job.has("input_payload"), "the documents stay with getJobById");
        JsonNode result = job.get("check_results").get(0);
        assertEquals("kyc.proof_of_address_verification", result.get("command_id").asText());
        assertTrue(result.get("passed").asBoolean(), result.toString());
        assertEquals("KYCProofOfAddressCheckResult", result.at("/payload/type").asText());
        assertEquals(90, result.at("/payload/validity_period").asInt(), "check_args reached the worker");
        assertEquals("UTILITY_BILL", result.at("/payload/document_type").asText());

        assertEquals(409, client.post("/api/v1/runFlashCheck", Json.toString(body)).status(), "a job_id is taken once");
    }

    @Test
    void anotherPersonsBillIsAReview() throws Exception {
        ObjectNode body = flash("flash-" + UUID.randomUUID(), "kyc.proof_of_address_verification");
        data(body).putArray("proof_of_address_documents").addObject().put("b64_document", bill("Gregory Castellano"));
        JsonNode job = client.post("/api/v1/runFlashCheck", Json.toString(body)).body();
        assertEquals("Review", job.get("recommendation").asText(), job.toString());
        assertFalse(job.at("/check_results/0/passed").asBoolean());
        assertTrue(job.at("/check_results/0/payload/invalid_documents/0/findings").toString().contains("\"check\":\"name\",\"passed\":false"),
                job.toString());
    }

    @Test
    void aPassportMrzIsAnsweredInline() {
        String doc = "533380006";
        String birth = "900115";
        String expiry = LocalDate.now(ZoneOffset.UTC).plusYears(5).toString().substring(2).replace("-", "");
        String personal = "<".repeat(14);
        String line2 = doc + CheckDigit.compute(doc) + "GBR" + birth + CheckDigit.compute(birth) + "F" + expiry
                + CheckDigit.compute(expiry) + personal + CheckDigit.compute(personal);
        line2 += CheckDigit.compute(line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43));
        String line1 = ("P<GBRHARTLEY<<AMELIA" + "<".repeat(44)).substring(0, 44);
        ObjectNode body = flash("flash-" + UUID.randomUUID(), "kyc.government_id_verification");
        data(body).putObject("government_id_data").put("id_type", "Passport").put("mrz", line1 + "\n" + line2);

        ApiClient.Response response = client.post("/api/v1/runFlashCheck", Json.toString(body));
        assertEquals(200, response.status(), response.body().toString());
        assertEquals("Approve", response.body().get("recommendation").asText(), response.body().toString());
        assertEquals("TD3", response.body().at("/check_results/0/payload/mrz_format").asText());
    }

    @Test
    void aDocumentsJobWithoutDocumentsIsNotFailedButReviewed() throws Exception {
        String jobId = "nodocs-" + UUID.randomUUID();
        ObjectNode body = flash(jobId, "unused");
        body.remove("check_id");
        body.put("agent_key", "kyc-documents");
        assertEquals(200, client.post("/api/v1/startKYCAgentJob", Json.toString(body)).status());
        JsonNode job = null;
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            job = client.get("/api/v1/getJobById?job_id=" + jobId + "&include_check_results=true").body();
            if (job.get("status").asText().equals("complete") || job.get("status").asText().equals("error")) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("complete", job.get("status").asText(), job.toString());
        for (JsonNode result : job.get("check_results")) {
            assertTrue(result.get("passed").asBoolean(), "no document does not fail a document check: " + result);
            assertFalse(result.at("/payload/documents_provided").asBoolean());
        }
        assertEquals("Review", job.get("recommendation").asText(), "nothing was verified, so a person looks");
    }
}
