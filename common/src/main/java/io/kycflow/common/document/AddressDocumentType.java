package io.kycflow.common.document;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of proof-of-address document the reference API names ({@code accepted_documents}); written in
 * upper case as the SDK does, accepted in any case as the docs write them ({@code "utility_bill"}).
 */
public enum AddressDocumentType {
    BANK_STATEMENT,
    VAT_INVOICE,
    UTILITY_BILL,
    TENANCY_AGREEMENT,
    TAX_DOCUMENT,
    MORTGAGE_STATEMENT,
    CREDIT_CARD_STATEMENT,
    INSURANCE_POLICY,
    LEASE_AGREEMENT,
    DRIVER_LICENSE;

    public static Optional<AddressDocumentType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
