package io.kycflow.workers.checks.documents;

import io.kycflow.common.document.AddressDocumentType;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells which kind of proof-of-address document a text is, by the phrases such documents print. Each kind
 * has phrases; the kind with the most phrases present wins, and at least one must be present. Titles weigh
 * double ("Council Tax Bill" says more than "account number"), which settles most ties.
 */
public final class DocumentTypeClassifier {

    /** The decision: the kind and the phrases that made it. */
    public record Classification(AddressDocumentType type, List<String> evidence) {
    }

    private record Phrases(List<String> titles, List<String> others) {
    }

    private static final Map<AddressDocumentType, Phrases> PHRASES = new EnumMap<>(AddressDocumentType.class);

    static {
        PHRASES.put(AddressDocumentType.UTILITY_BILL, new Phrases(
                List.of("utility bill", "electricity bill", "gas bill", "water bill", "energy bill", "electricity",
                        "gas and electricity", "water services", "broadband bill", "council tax bill"),
                List.of("meter reading", "kwh", "supply address", "tariff", "energy usage", "standing charge",
                        "units used")));
        PHRASES.put(AddressDocumentType.BANK_STATEMENT, new Phrases(
                List.of("bank statement", "statement of account", "current account statement"),
                List.of("sort code", "iban", "opening balance", "closing balance", "account number", "bic")));
        PHRASES.put(AddressDocumentType.CREDIT_CARD_STATEMENT, new Phrases(
                List.of("credit card statement", "card statement"),
                List.of("credit limit", "minimum payment", "available credit", "card number")));
        PHRASES.put(AddressDocumentType.MORTGAGE_STATEMENT, new Phrases(
                List.of("mortgage statement", "annual mortgage statement"),
                List.of("mortgage account", "outstanding balance", "principal", "escrow")));
        PHRASES.put(AddressDocumentType.TAX_DOCUMENT, new Phrases(
                List.of("tax return", "tax assessment", "tax statement", "notice of assessment", "council tax",
                        "hm revenue", "internal revenue service", "tax year"),
                List.of("taxpayer", "tax reference", "utr", "national insurance number")));
        PHRASES.put(AddressDocumentType.VAT_INVOICE, new Phrases(
                List.of("vat invoice", "tax invoice"),
                List.of("vat number", "vat registration", "vat amount", "invoice number")));
        PHRASES.put(AddressDocumentType.INSURANCE_POLICY, new Phrases(
                List.of("insurance policy", "policy schedule", "certificate of insurance"),
                List.of("policyholder", "policy number", "premium", "insured", "cover")));
        PHRASES.put(AddressDocumentType.TENANCY_AGREEMENT, new Phrases(
                List.of("tenancy agreement", "assured shorthold tenancy", "rental agreement"),
                List.of("landlord", "tenant", "rent", "deposit", "term of the tenancy")));
        PHRASES.put(AddressDocumentType.LEASE_AGREEMENT, new Phrases(
                List.of("lease agreement", "residential lease"),
                List.of("lessor", "lessee", "lease term", "premises")));
        PHRASES.put(AddressDocumentType.DRIVER_LICENSE, new Phrases(
                List.of("driving licence", "driver license", "driver's license", "drivers license"),
                List.of("dvla", "license class", "licence number", "endorsements")));
    }

    public Optional<Classification> classify(String text) {
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + " ";
        AddressDocumentType best = null;
        int bestScore = 0;
        List<String> bestEvidence = List.of();
        for (Map.Entry<AddressDocumentType, Phrases> entry : PHRASES.entrySet()) {
            List<String> titles = entry.getValue().titles().stream().filter(p -> contains(lower, p)).toList();
            List<String> others = entry.getValue().others().stream().filter(p -> contains(lower, p)).toList();
            int score = 2 * titles.size() + others.size();
            if (score > bestScore) {
                best = entry.getKey();
                bestScore = score;
                bestEvidence = java.util.stream.Stream.concat(titles.stream(), others.stream()).toList();
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Classification(best, bestEvidence));
    }

    /** Whole words only: "rent" is not in "current". */
    private static boolean contains(String text, String phrase) {
        int from = 0;
        while (true) {
            int at = text.indexOf(phrase, from);
            if (at < 0) {
                return false;
            }
            int end = at + phrase.length();
            if (!Character.isLetterOrDigit(text.charAt(at - 1)) && (end >= text.length()
                    || !Character.isLetterOrDigit(text.charAt(end)))) {
                return true;
            }
            from = at + 1;
        }
    }
}
