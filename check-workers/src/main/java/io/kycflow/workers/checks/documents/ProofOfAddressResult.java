package io.kycflow.workers.checks.documents;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.document.AddressDocumentType;

import java.time.LocalDate;
import java.util.List;

/**
 * The typed payload of {@code kyc.proof_of_address_verification}: the reference's
 * {@code KYCProofOfAddressCheckResult} ({@code valid_documents}, {@code invalid_documents}, {@code verified_name},
 * {@code verified_address}, {@code document_type}, {@code valid_document}), plus what it was judged against
 * ({@code validity_period}, {@code accepted_documents}), whether any document was given, and the flash
 * variant's fields ({@code individual_name}, {@code document_date}, {@code document_address}) from the first
 * valid document.
 */
public record ProofOfAddressResult(String type, boolean documentsProvided, int validityPeriod,
                                   List<AddressDocumentType> acceptedDocuments, List<DocumentReview> validDocuments,
                                   List<DocumentReview> invalidDocuments, String verifiedName, JsonNode verifiedAddress,
                                   AddressDocumentType documentType, boolean validDocument, String individualName,
                                   LocalDate documentDate, DocumentReview.DocumentAddress documentAddress,
                                   boolean passed) {

    public static final String TYPE = "KYCProofOfAddressCheckResult";
}
