package io.kycflow.workers.checks.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.kycflow.common.command.CheckTask;
import io.kycflow.common.json.Json;
import io.kycflow.common.net.OutboundUrlGuard;
import io.kycflow.screening.match.PairScorer;
import io.kycflow.workers.check.CheckUnavailableException;
import io.kycflow.workers.check.CheckVerdict;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kyc.proof_of_address_verification} on real documents: PDFs written by PDFBox, and images drawn with
 * Java2D and read by the real Tesseract (those tests skip, saying so, where tesseract is not installed; CI
 * installs it).
 */
class ProofOfAddressCheckTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final HttpClient HTTP = DocumentFetcher.httpClient();

    static ProofOfAddressCheck check(OutboundUrlGuard guard, Ocr ocr) {
        return new ProofOfAddressCheck(new DocumentReader(new DocumentFetcher(HTTP, guard), ocr),
                new NameOnDocument(new PairScorer()), CLOCK);
    }

    private static final ProofOfAddressCheck CHECK = check(OutboundUrlGuard.withAllowlist(List.of()), TesseractOcr.onPath());

    static ObjectNode subject(JsonNode... documents) {
        ObjectNode data = Json.mapper().createObjectNode().put("first_name", "Amelia").put("last_name", "Hartley");
        data.putObject("address").put("street_1", "221B Baker St").put("city", "London").put("postal_code", "NW1 6XE")
                .put("country_code", "GB");
        ArrayNode list = data.putArray("proof_of_address_documents");
        for (JsonNode document : documents) {
            list.add(document);
        }
        ObjectNode subject = Json.mapper().createObjectNode().put("id", "case-1");
        subject.set("self_attested_data", data);
        return subject;
    }

    static ObjectNode b64Document(byte[] bytes, String name) {
        return Json.mapper().createObjectNode().put("b64_document", DocumentFixtures.b64(bytes)).put("file_name", name)
                .put("source_type", "file_url");
    }

    static CheckVerdict run(ProofOfAddressCheck check, JsonNode subject, JsonNode args) throws CheckUnavailableException {
        CheckTask task = new CheckTask(CheckTask.SCHEMA_VERSION, "default", "job-1", "kyc-documents",
                ProofOfAddressCheck.ID, "instance-1", 1, Instant.parse("2026-11-26T11:00:00Z"), args, subject, null);
        return check.run(task);
    }

    private static CheckVerdict run(JsonNode subject) throws CheckUnavailableException {
        return run(CHECK, subject, Json.mapper().createObjectNode().put("validity_period", 90));
    }

    private static byte[] billPdf(String name, String date) {
        return DocumentFixtures.pdf(DocumentFixtures.utilityBill(name, "221b BAKER STREET", "LONDON", "NW16XE", date));
    }

    private static String finding(CheckVerdict verdict, String document, String check) {
        for (JsonNode f : verdict.payload().at(document + "/findings")) {
            if (f.get("check").asText().equals(check)) {
                return f.get("passed").asBoolean() + " " + f.get("explanation").asText();
            }
        }
        return "no finding " + check;
    }

    @Test
    void aRecentBillWithTheNameAndAddressIsAValidProofOfAddress() throws Exception {
        CheckVerdict verdict = run(subject(b64Document(billPdf("Mrs Amelia Hartley", "2026-10-27"), "bill.pdf")));

        assertTrue(verdict.passed(), verdict.explanation());
        JsonNode payload = verdict.payload();
        assertEquals("KYCProofOfAddressCheckResult", payload.get("type").asText());
        assertTrue(payload.get("valid_document").asBoolean());
        assertEquals("UTILITY_BILL", payload.get("document_type").asText());
        assertEquals("2026-10-27", payload.get("document_date").asText());
        assertEquals("Amelia Hartley", payload.get("verified_name").asText());
        assertEquals("pdf_text", payload.at("/valid_documents/0/text_source").asText());
        assertTrue(finding(verdict, "/valid_documents/0", "address").startsWith("true"), verdict.explanation());
        assertTrue(finding(verdict, "/valid_documents/0", "date").contains("30 days ago"), verdict.explanation());
        assertEquals("bill.pdf", payload.at("/valid_documents/0/document/file_name").asText());
        assertTrue(payload.at("/valid_documents/0/document/b64_document").isMissingNode(), "never the bytes");
        assertFalse(payload.toString().contains(DocumentFixtures.b64(billPdf("Mrs Amelia Hartley", "2026-10-27"))
                .substring(0, 40)));
    }

    @Test
    void culturalVariationsOfTheNameStillMatch() throws Exception {
        // Surname first with a comma, upper case, the way many billing systems print it.
        CheckVerdict verdict = run(subject(b64Document(billPdf("HARTLEY, AMELIA", "26/10/2026"), "bill.pdf")));
        assertTrue(verdict.passed(), verdict.explanation());
        assertEquals("2026-10-26", verdict.payload().get("document_date").asText(), "day first outside the US");
    }

    @Test
    void anotherPersonsNameFailsTheDocument() throws Exception {
        CheckVerdict verdict = run(subject(b64Document(billPdf("Mr Jonathan Pemberton", "2026-10-27"), "bill.pdf")));

        assertFalse(verdict.passed(), verdict.explanation());
        assertEquals(1, verdict.payload().get("invalid_documents").size());
        assertTrue(finding(verdict, "/invalid_documents/0", "name").startsWith("false"), verdict.explanation());
        assertTrue(finding(verdict, "/invalid_documents/0", "address").startsWith("true"), "only the name failed");
        assertTrue(verdict.answer().contains("name"), verdict.answer());
    }

    @Test
    void anOldDocumentFailsTheValidityPeriodButPassesALongerOne() throws Exception {
        ObjectNode subject = subject(b64Document(billPdf("Amelia Hartley", "12 March 2026"), "bill.pdf"));
        CheckVerdict ninetyDays = run(subject);
        assertFalse(ninetyDays.passed(), ninetyDays.explanation());
        assertTrue(finding(ninetyDays, "/invalid_documents/0", "date").contains("259 days ago"),
                ninetyDays.explanation());

        CheckVerdict year = run(CHECK, subject, Json.mapper().createObjectNode().put("validity_period", 365));
        assertTrue(year.passed(), year.explanation());
    }

    @Test
    void aDifferentAddressFailsAndSaysWhichPart() throws Exception {
        byte[] pdf = DocumentFixtures.pdf(DocumentFixtures.utilityBill("Amelia Hartley", "14 Kings Road", "LONDON",
                "SW3 4RP", "2026-11-01"));
        CheckVerdict verdict = run(subject(b64Document(pdf, "bill.pdf")));
        assertFalse(verdict.passed());
        String address = finding(verdict, "/invalid_documents/0", "address");
        assertTrue(address.contains("street_1 not found") && address.contains("postal_code not found")
                && address.contains("city found"), address);
    }

    @Test
    void aDocumentTypeTheAgentDoesNotAcceptFails() throws Exception {
        ObjectNode args = Json.mapper().createObjectNode().put("validity_period", 90);
        args.putArray("accepted_documents").add("bank_statement");
        CheckVerdict verdict = run(CHECK, subject(b64Document(billPdf("Amelia Hartley", "2026-11-01"), "bill.pdf")), args);
        assertFalse(verdict.passed());
        assertTrue(finding(verdict, "/invalid_documents/0", "document_type").contains("UTILITY_BILL, which this agent "
                + "does not accept"), verdict.explanation());
    }

    @Test
    void aBadArgumentIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> run(CHECK, subject(),
                Json.mapper().createObjectNode().put("validity_period", 30)));
    }

    @Test
    void withoutDocumentsTheCheckDoesNotFailAndSaysNothingWasVerified() throws Exception {
        CheckVerdict verdict = run(subject());
        assertTrue(verdict.passed());
        assertFalse(verdict.payload().get("documents_provided").asBoolean());
        assertFalse(verdict.payload().get("valid_document").asBoolean());
        assertTrue(verdict.answer().contains("No proof-of-address document"), verdict.answer());
    }

    @Test
    void somethingThatIsNotADocumentIsInvalidWithTheReason() throws Exception {
        CheckVerdict verdict = run(subject(b64Document("<html>bill</html>".getBytes(StandardCharsets.UTF_8), "bill.html")));
        assertFalse(verdict.passed());
        assertTrue(finding(verdict, "/invalid_documents/0", "readable").contains("not a PDF, PNG, JPEG or TIFF"),
                verdict.explanation());
    }

    @Test
    void aUrlDocumentIsFetchedThroughTheGuardWithoutRedirects() throws Exception {
        byte[] pdf = billPdf("Amelia Hartley", "2026-11-01");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/bill.pdf", exchange -> {
            exchange.sendResponseHeaders(200, pdf.length);
            exchange.getResponseBody().write(pdf);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/bill.pdf");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            ProofOfAddressCheck allowLocal = check(OutboundUrlGuard.withAllowlist(List.of("127.0.0.1")), TesseractOcr.onPath());
            ObjectNode args = Json.mapper().createObjectNode().put("validity_period", 90);

            CheckVerdict fetched = run(allowLocal, subject(Json.mapper().createObjectNode().put("url", base + "/bill.pdf")), args);
            assertTrue(fetched.passed(), fetched.explanation());
            assertEquals(base + "/bill.pdf", fetched.payload().at("/valid_documents/0/document/url").asText());

            CheckVerdict redirected = run(allowLocal, subject(Json.mapper().createObjectNode().put("url", base + "/moved")), args);
            assertFalse(redirected.passed());
            assertTrue(finding(redirected, "/invalid_documents/0", "readable").contains("redirect (302)"),
                    redirected.explanation());

            // The default guard refuses loopback at fetch time too (a URL that passed submission may resolve elsewhere later).
            CheckVerdict refused = run(CHECK, subject(Json.mapper().createObjectNode().put("url", base + "/bill.pdf")), args);
            assertFalse(refused.passed());
            assertTrue(finding(refused, "/invalid_documents/0", "readable").contains("not a URL kycflow may fetch"),
                    refused.explanation());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aScannedBillIsReadByOcr() throws Exception {
        Assumptions.assumeTrue(TesseractOcr.onPath().available(),
                "tesseract is not installed here (apt-get install tesseract-ocr tesseract-ocr-eng; .ci/run installs it): OCR test skipped");
        byte[] scan = DocumentFixtures.png(DocumentFixtures.utilityBill("Amelia Hartley", "221B Baker Street", "London",
                "NW1 6XE", "2026-11-10"), "SansSerif", 34);
        CheckVerdict verdict = run(subject(b64Document(scan, "scan.png")));
        assertTrue(verdict.passed(), verdict.explanation());
        assertEquals("ocr", verdict.payload().at("/valid_documents/0/text_source").asText());
        assertEquals("2026-11-10", verdict.payload().get("document_date").asText());
    }

    @Test
    void anUnreadableScanIsInvalidNotAnError() throws Exception {
        Assumptions.assumeTrue(TesseractOcr.onPath().available(),
                "tesseract is not installed here (.ci/run installs it): OCR test skipped");
        CheckVerdict verdict = run(subject(b64Document(DocumentFixtures.noise(), "blurry.png")));
        assertFalse(verdict.passed(), verdict.explanation());
        assertTrue(finding(verdict, "/invalid_documents/0", "readable").contains("unreadable scan"), verdict.explanation());
    }

    @Test
    void withoutOcrAScanIsAnErrorNotAVerdict() {
        Ocr missing = new TesseractOcr("/nonexistent/tesseract");
        ProofOfAddressCheck noOcr = check(OutboundUrlGuard.withAllowlist(List.of()), missing);
        CheckUnavailableException e = assertThrows(CheckUnavailableException.class,
                () -> run(noOcr, subject(b64Document(DocumentFixtures.noise(), "scan.png")), Json.mapper().createObjectNode()));
        assertEquals("ocr_unavailable", e.code());
    }
}
