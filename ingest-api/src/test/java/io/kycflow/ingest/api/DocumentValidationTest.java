package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.json.Json;
import io.kycflow.common.net.OutboundUrlGuard;
import io.kycflow.common.net.SlackWebhookHosts;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Documents at submission: the limits of DocumentLimits as 400s naming the document's field, and runFlashCheck's body. */
class DocumentValidationTest {

    private static final String POA = "kyc_schema.self_attested_data.proof_of_address_documents";
    private final StartJobRequestValidator validator = new StartJobRequestValidator(AgentCatalog.bundled(),
            Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC), OutboundUrlGuard.withAllowlist(List.of()),
            SlackWebhookHosts.SLACK_ONLY);

    static byte[] pdf(int pages) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY), "png", out);
        return out.toByteArray();
    }

    private static ObjectNode body(String agent, JsonNode... documents) {
        ObjectNode body = Json.mapper().createObjectNode().put("agent_key", agent);
        ObjectNode data = body.putObject("kyc_schema").put("id", "case-1").putObject("self_attested_data")
                .put("first_name", "Amelia").put("last_name", "Hartley");
        var list = data.putArray("proof_of_address_documents");
        for (JsonNode document : documents) {
            list.add(document);
        }
        return body;
    }

    private static ObjectNode b64(byte[] bytes) {
        return Json.mapper().createObjectNode().put("b64_document", Base64.getEncoder().encodeToString(bytes))
                .put("file_name", "bill.pdf");
    }

    private static Map<String, String> problems(Runnable call) {
        ApiError error = assertThrows(ApiError.class, call::run);
        assertEquals(400, error.status());
        @SuppressWarnings("unchecked")
        List<FieldProblem> details = (List<FieldProblem>) error.body().get("details");
        return details.stream().collect(Collectors.toMap(FieldProblem::field, FieldProblem::problem, (a, b) -> a + "; " + b));
    }

    @Test
    void aPdfAndAnImageWithinTheLimitsAreAccepted() throws IOException {
        var valid = validator.validate(body("kyc-documents", b64(pdf(2)), b64(png(1200, 1600))));
        assertEquals(2, valid.request().plan().checks().size());
    }

    @Test
    void everyBrokenDocumentIsA400NamingItsField() throws IOException {
        Map<String, String> problems = problems(() -> {
            try {
                validator.validate(body("kyc-documents",
                        Json.mapper().createObjectNode().put("b64_document", "%%% not base64 %%%"),
                        b64("<html>a bill</html>".getBytes(StandardCharsets.UTF_8)),
                        b64(pdf(11)),
                        b64(png(9000, 9000)),
                        Json.mapper().createObjectNode().put("url", "https://127.0.0.1/bill.pdf")));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("is not valid base64", problems.get(POA + "[0].b64_document"));
        assertTrue(problems.get(POA + "[1].b64_document").contains("is not a PDF, PNG, JPEG or TIFF"), problems.toString());
        assertEquals("is a PDF of 11 pages; at most 10 are read", problems.get(POA + "[2].b64_document"));
        assertTrue(problems.get(POA + "[3].b64_document").contains("9000 x 9000 pixels"), problems.toString());
        assertTrue(problems.get(POA + "[4].url").contains("is not a URL kycflow may fetch")
                && problems.get(POA + "[4].url").contains("loopback"), problems.toString());
    }

    @Test
    void bothSourcesTooManyDocumentsAndNoSourceAreRefused() throws IOException {
        ObjectNode both = b64(pdf(1)).put("url", "https://example.com/bill.pdf");
        assertEquals("give url or b64_document, not both",
                problems(() -> validator.validate(body("kyc-documents", both))).get(POA + "[0]"));
        assertEquals("needs url or b64_document", problems(() -> validator.validate(body("kyc-documents",
                Json.mapper().createObjectNode().put("file_name", "x.pdf")))).get(POA + "[0]"));
        JsonNode[] six = new JsonNode[6];
        java.util.Arrays.fill(six, b64(pdf(1)));
        assertTrue(problems(() -> validator.validate(body("kyc-documents", six))).get(POA).contains("at most 5"));
    }

    @Test
    void aGovernmentIdIsValidated() {
        ObjectNode body = body("kyc-documents");
        ObjectNode id = ((ObjectNode) body.at("/kyc_schema/self_attested_data")).putObject("government_id_data")
                .put("mrz", "P<GBR{HARTLEY}").put("expiration_date", "2031-02-30").put("issuing_country", "XX");
        id.putArray("documents").add(Json.mapper().createObjectNode().put("b64_document", "bm90IGEgZG9j"));
        Map<String, String> problems = problems(() -> validator.validate(body));
        String field = "kyc_schema.self_attested_data.government_id_data";
        assertTrue(problems.get(field + ".mrz").contains("machine-readable zone"), problems.toString());
        assertTrue(problems.get(field + ".expiration_date").contains("real date"), problems.toString());
        assertTrue(problems.get(field + ".issuing_country").contains("ISO 3166"), problems.toString());
        assertTrue(problems.get(field + ".documents[0].b64_document").contains("not a PDF"), problems.toString());
    }

    @Test
    void aFlashCheckNamesOneDocumentCheckAndItsArgumentsOverTheAgents() throws IOException {
        ObjectNode body = body("doc-flash-v1", b64(pdf(1))).put("check_id", "kyc.proof_of_address_verification");
        body.putObject("check_args").put("validity_period", 90).putArray("accepted_documents").add("utility_bill");
        var valid = validator.validateFlash(body);
        assertEquals(1, valid.request().plan().checks().size());
        JsonNode args = valid.request().plan().checks().getFirst().args();
        assertEquals(90, args.get("validity_period").asInt(), "check_args win over the agent's 365");
        assertEquals("utility_bill", args.at("/accepted_documents/0").asText());

        ObjectNode noCheck = body("doc-flash-v1");
        assertTrue(problems(() -> validator.validateFlash(noCheck)).get("check_id").startsWith("required"));

        ObjectNode notDocument = body("public-kyc").put("check_id", "kyc.sanctions_screening_check_v2");
        assertTrue(problems(() -> validator.validateFlash(notDocument)).get("check_id").contains("runs a document check"));

        ObjectNode badArgs = body("doc-flash-v1").put("check_id", "kyc.proof_of_address_verification");
        badArgs.putObject("check_args").put("validity_period", 30);
        assertTrue(problems(() -> validator.validateFlash(badArgs)).get("check_args").contains("validity_period must be one of"));

        ObjectNode two = body("doc-flash-v1");
        two.putArray("check_ids").add("kyc.proof_of_address_verification").add("kyc.government_id_verification");
        assertTrue(problems(() -> validator.validateFlash(two)).get("check_ids").contains("exactly one"));
    }
}
