package io.kycflow.workers.checks.documents;

import java.time.LocalDate;
import java.util.List;

/**
 * What was found in one proof-of-address document, in the reference result's shape
 * ({@code extraction_data}, {@code document}) plus every finding with its explanation. The reference's
 * {@code fraud_verification_data} and {@code visual_inspection} stay null: kycflow does not judge authenticity
 * (tampering, fonts, layout) yet, and says so rather than fill them.
 */
public record DocumentReview(ExtractionData extractionData, List<DocumentFinding> findings, String textSource,
                             SubmittedDocument.Described document, Object fraudVerificationData,
                             Object visualInspection) {

    public DocumentReview {
        findings = List.copyOf(findings);
    }

    /** {@code name} and {@code address} are what the document shows (null when not found). */
    public record ExtractionData(boolean isValidDocument, String analysis, String summary, LocalDate date,
                                 List<String> alerts, String name, DocumentAddress address, String documentType) {
        public ExtractionData {
            alerts = List.copyOf(alerts);
        }
    }

    /** The document's lines that hold the self-attested address's parts. */
    public record DocumentAddress(String type, List<String> lines) {
        public DocumentAddress {
            lines = List.copyOf(lines);
        }
    }

    public boolean valid() {
        return extractionData.isValidDocument();
    }
}
