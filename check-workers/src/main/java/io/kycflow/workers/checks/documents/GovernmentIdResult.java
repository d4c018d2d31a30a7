package io.kycflow.workers.checks.documents;

import io.kycflow.workers.checks.documents.mrz.CheckDigit;

import java.time.LocalDate;
import java.util.List;

/**
 * The typed payload of {@code kyc.government_id_verification}: what the machine-readable zone says, every
 * check digit, and each comparison with the self-attested data ({@code findings}). {@code mrz_source} says
 * where the MRZ came from: {@code text} (given as {@code government_id_data.mrz}), {@code ocr},
 * {@code pdf_text} or {@code pdf_ocr} (read from {@code government_id_data.documents[0]}).
 */
public record GovernmentIdResult(String type, boolean documentsProvided, String mrzSource, String mrzFormat,
                                 String documentCode, String issuingCountry, String documentNumber, String surname,
                                 String givenNames, LocalDate dateOfBirth, LocalDate expiryDate, String nationality,
                                 String sex, List<CheckDigit> checkDigits, List<DocumentFinding> findings,
                                 boolean validDocument, boolean passed) {

    public static final String TYPE = "KYCGovernmentIdCheckResult";

    public GovernmentIdResult {
        checkDigits = checkDigits == null ? List.of() : List.copyOf(checkDigits);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
