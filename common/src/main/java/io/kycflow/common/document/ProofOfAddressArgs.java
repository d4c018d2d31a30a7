package io.kycflow.common.document;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The arguments of {@code kyc.proof_of_address_verification}, as the reference SDK sends them:
 * {@code validity_period} in days (90, 365 or 1825; default 365) and {@code accepted_documents} (default: every
 * {@link AddressDocumentType}). Parsed in one place, so an agent file, a {@code runFlashCheck}'s
 * {@code check_args} and the worker agree on what is valid.
 */
public record ProofOfAddressArgs(int validityPeriodDays, Set<AddressDocumentType> acceptedDocuments) {

    public static final List<Integer> VALIDITY_PERIODS = List.of(90, 365, 1825);
    public static final int DEFAULT_VALIDITY_PERIOD = 365;

    public ProofOfAddressArgs {
        acceptedDocuments = Set.copyOf(acceptedDocuments);
    }

    /**
     * @throws IllegalArgumentException naming the argument and the problem (an agent's configuration error,
     *                                  or a 400 for {@code check_args})
     */
    public static ProofOfAddressArgs parse(JsonNode args) {
        int validity = DEFAULT_VALIDITY_PERIOD;
        JsonNode period = args == null ? null : args.get("validity_period");
        if (period != null && !period.isNull()) {
            if (!period.isIntegralNumber() || !VALIDITY_PERIODS.contains(period.asInt())) {
                throw new IllegalArgumentException("validity_period must be one of " + VALIDITY_PERIODS + " (days)");
            }
            validity = period.asInt();
        }
        Set<AddressDocumentType> accepted = EnumSet.allOf(AddressDocumentType.class);
        JsonNode documents = args == null ? null : args.get("accepted_documents");
        if (documents != null && !documents.isNull()) {
            String allowed = "an array of " + Arrays.toString(AddressDocumentType.values()) + " (any case)";
            if (!documents.isArray() || documents.isEmpty()) {
                throw new IllegalArgumentException("accepted_documents must be " + allowed);
            }
            List<AddressDocumentType> listed = new ArrayList<>();
            for (JsonNode value : documents) {
                listed.add(AddressDocumentType.parse(value.isTextual() ? value.asText() : null).orElseThrow(
                        () -> new IllegalArgumentException("accepted_documents must be " + allowed)));
            }
            accepted = EnumSet.copyOf(listed);
        }
        return new ProofOfAddressArgs(validity, accepted);
    }
}
