package io.kycflow.workers.checks.documents;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.agent.CheckCatalog;
import io.kycflow.common.command.CheckTask;
import io.kycflow.common.document.AddressDocumentType;
import io.kycflow.common.document.DocumentRejectedException;
import io.kycflow.common.document.ProofOfAddressArgs;
import io.kycflow.common.json.Json;
import io.kycflow.workers.check.Check;
import io.kycflow.workers.check.CheckUnavailableException;
import io.kycflow.workers.check.CheckVerdict;
import io.kycflow.workers.checks.identity.SelfAttestedData;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code kyc.proof_of_address_verification}: reads each of {@code self_attested_data.proof_of_address_documents}
 * (PDF text, or OCR of a scan) and applies four tests, each explained:
 * <ol>
 *   <li>document type: one of the reference's kinds, and among the agent's {@code accepted_documents};</li>
 *   <li>name: the person's name is on it ({@link NameOnDocument}: the screening matcher, cultural variations);</li>
 *   <li>address: the self-attested {@code address} is on it ({@link AddressOnDocument}: normalised);</li>
 *   <li>date: the document's date lies within {@code validity_period} days (90, 365 or 1825) and not ahead.</li>
 * </ol>
 * A document passing all four is valid; the check passes when one document is valid. A document that cannot
 * be read (refused URL, not a PDF or image, an unreadable scan) is invalid with the reason. When OCR or the
 * network is unavailable the check answers {@code error} rather than judge a document it could not read.
 *
 * <p>No document given: the check passes with {@code documents_provided: false} and says nothing was verified
 * (the {@code kyc-documents} agent's rules then ask for review): a job without documents does not fail a
 * document check. Nothing is logged: every input is personal data.
 */
public final class ProofOfAddressCheck implements Check {

    public static final String ID = CheckCatalog.PROOF_OF_ADDRESS;
    static final String DOCUMENTS_FIELD = "proof_of_address_documents";

    private final DocumentReader reader;
    private final NameOnDocument names;
    private final AddressOnDocument addresses = new AddressOnDocument();
    private final DocumentDates dates = new DocumentDates();
    private final DocumentTypeClassifier classifier = new DocumentTypeClassifier();
    private final Clock clock;

    public ProofOfAddressCheck(DocumentReader reader, NameOnDocument names, Clock clock) {
        this.reader = reader;
        this.names = names;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckVerdict run(CheckTask task) throws CheckUnavailableException {
        ProofOfAddressArgs args = ProofOfAddressArgs.parse(task.args());
        SelfAttestedData data = SelfAttestedData.of(task.subject());
        List<SubmittedDocument> documents = documents(data.node());
        List<AddressDocumentType> accepted = args.acceptedDocuments().stream().sorted().toList();
        if (documents.isEmpty()) {
            ProofOfAddressResult result = new ProofOfAddressResult(ProofOfAddressResult.TYPE, false,
                    args.validityPeriodDays(), accepted, List.of(), List.of(), null, null, null, false, null, null,
                    null, true);
            return new CheckVerdict(true, "No proof-of-address document was provided; nothing was verified.",
                    "The request has no self_attested_data.proof_of_address_documents, so there was no document to "
                            + "read. The check does not fail for want of a document; the agent's rules decide "
                            + "whether a person without one needs review.",
                    Json.mapper().valueToTree(result), List.of());
        }
        String fullName = fullName(data);
        Map<String, String> address = address(data);
        LocalDate today = LocalDate.now(clock);
        boolean monthFirst = "US".equalsIgnoreCase(address.getOrDefault("country_code", ""));

        List<DocumentReview> valid = new ArrayList<>();
        List<DocumentReview> invalid = new ArrayList<>();
        for (SubmittedDocument document : documents) {
            DocumentReview review = review(document, fullName, address, args, today, monthFirst);
            (review.valid() ? valid : invalid).add(review);
        }
        DocumentReview first = valid.isEmpty() ? null : valid.getFirst();
        boolean passed = first != null;
        ProofOfAddressResult result = new ProofOfAddressResult(ProofOfAddressResult.TYPE, true,
                args.validityPeriodDays(), accepted, valid, invalid,
                passed ? first.extractionData().name() : null,
                passed ? data.node().get("address") : null,
                passed ? AddressDocumentType.valueOf(first.extractionData().documentType()) : null,
                passed, passed ? first.extractionData().name() : null,
                passed ? first.extractionData().date() : null,
                passed ? first.extractionData().address() : null, passed);
        return new CheckVerdict(passed, answer(valid, invalid), explanation(valid, invalid, args),
                Json.mapper().valueToTree(result), List.of());
    }

    private DocumentReview review(SubmittedDocument document, String fullName, Map<String, String> address,
                                  ProofOfAddressArgs args, LocalDate today, boolean monthFirst)
            throws CheckUnavailableException {
        DocumentText text;
        try {
            text = reader.read(document);
        } catch (DocumentRejectedException e) {
            return unreadable(document, "The document " + e.getMessage() + ".");
        } catch (DocumentReader.OcrUnavailableException e) {
            throw new CheckUnavailableException("ocr_unavailable", e.getMessage());
        } catch (IOException e) {
            throw new CheckUnavailableException("document_unavailable",
                    "a document could not be read now: " + e.getMessage());
        }
        if (!text.readable()) {
            return unreadable(document, "No readable text was found in the document (" + text.source()
                    + "): an unreadable scan. Send a sharper scan or the original PDF.");
        }
        List<String> lines = text.lines();
        List<DocumentFinding> findings = new ArrayList<>();
        List<String> alerts = new ArrayList<>();

        Optional<DocumentTypeClassifier.Classification> kind = classifier.classify(text.text());
        if (kind.isEmpty()) {
            findings.add(new DocumentFinding("document_type", false,
                    "Not recognised as any accepted kind of proof of address (bank statement, utility bill, …)."));
        } else if (!args.acceptedDocuments().contains(kind.get().type())) {
            findings.add(new DocumentFinding("document_type", false, "A " + kind.get().type()
                    + ", which this agent does not accept (accepted: " + args.acceptedDocuments().stream().sorted()
                    .map(Enum::name).collect(Collectors.joining(", ")) + ")."));
        } else {
            findings.add(new DocumentFinding("document_type", true, "A " + kind.get().type() + " (the document says "
                    + String.join(", ", kind.get().evidence().stream().map(p -> "\"" + p + "\"").toList()) + ")."));
        }

        Optional<NameOnDocument.NameMatch> name = names.find(fullName, lines);
        if (name.isEmpty()) {
            findings.add(new DocumentFinding("name", false, "No line of the document looks like a person's name."));
        } else {
            NameOnDocument.NameMatch match = name.get();
            findings.add(new DocumentFinding("name", match.matches(), (match.matches()
                    ? "The name on the document matches the person's"
                    : "The closest name on the document does not match the person's")
                    + String.format(java.util.Locale.ROOT, " (score %.2f, %s).", match.score(), match.rating())));
        }

        AddressOnDocument.AddressMatch where = addresses.match(address, lines);
        if (where.parts().isEmpty()) {
            findings.add(new DocumentFinding("address", false,
                    "No self-attested address (street_1, city, postal_code) to compare the document with."));
        } else {
            String parts = where.parts().stream().map(p -> p.part() + (p.found() ? " found" : " not found"))
                    .collect(Collectors.joining(", "));
            findings.add(new DocumentFinding("address", where.matches(), (where.matches()
                    ? "The self-attested address is on the document: "
                    : "The self-attested address is not on the document: ") + parts + "."));
        }

        Optional<DocumentDates.DocumentDate> date = dates.find(lines, today, monthFirst);
        if (date.isEmpty()) {
            findings.add(new DocumentFinding("date", false, "No date was found on the document."));
        } else {
            LocalDate issued = date.get().date();
            long age = ChronoUnit.DAYS.between(issued, today);
            String how = date.get().labelled() ? "its stated date" : "its latest date";
            if (issued.isAfter(today)) {
                alerts.add("document date in the future");
                findings.add(new DocumentFinding("date", false, "The document's date (" + how + ", " + issued
                        + ") is in the future."));
            } else {
                boolean within = age <= args.validityPeriodDays();
                findings.add(new DocumentFinding("date", within, "The document is dated " + issued + " (" + how
                        + "), " + age + " days ago; the validity period is " + args.validityPeriodDays() + " days."));
            }
        }
        boolean isValid = findings.stream().allMatch(DocumentFinding::passed);
        String failed = findings.stream().filter(f -> !f.passed()).map(DocumentFinding::check)
                .collect(Collectors.joining(", "));
        DocumentReview.ExtractionData extraction = new DocumentReview.ExtractionData(isValid,
                findings.stream().map(f -> (f.passed() ? "passed " : "FAILED ") + f.check() + ": " + f.explanation())
                        .collect(Collectors.joining("\n")),
                isValid ? "A valid proof of address." : "Not a valid proof of address (" + failed + ").",
                date.map(DocumentDates.DocumentDate::date).orElse(null), alerts,
                name.map(NameOnDocument.NameMatch::name).orElse(null),
                where.lines().isEmpty() ? null : new DocumentReview.DocumentAddress("Address", where.lines()),
                kind.map(k -> k.type().name()).orElse(null));
        return new DocumentReview(extraction, findings, text.source(), document.describe(), null, null);
    }

    private static DocumentReview unreadable(SubmittedDocument document, String reason) {
        DocumentReview.ExtractionData extraction = new DocumentReview.ExtractionData(false, reason,
                "The document could not be read.", null, List.of("unreadable document"), null, null, null);
        return new DocumentReview(extraction, List.of(new DocumentFinding("readable", false, reason)), null,
                document.describe(), null, null);
    }

    static List<SubmittedDocument> documents(JsonNode data) {
        JsonNode array = data.path(DOCUMENTS_FIELD);
        List<SubmittedDocument> documents = new ArrayList<>();
        if (array.isArray()) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isObject()) {
                    documents.add(SubmittedDocument.of(DOCUMENTS_FIELD + "[" + i + "]", array.get(i)));
                }
            }
        }
        return documents;
    }

    static String fullName(SelfAttestedData data) {
        return java.util.stream.Stream.of(data.text("first_name"), data.text("middle_name"), data.text("last_name"))
                .flatMap(Optional::stream).collect(Collectors.joining(" "));
    }

    private static Map<String, String> address(SelfAttestedData data) {
        Map<String, String> address = new LinkedHashMap<>();
        for (String part : List.of("street_1", "street_2", "city", "state", "postal_code", "country_code")) {
            data.text("address", part).ifPresent(v -> address.put(part, v));
        }
        return address;
    }

    private static String answer(List<DocumentReview> valid, List<DocumentReview> invalid) {
        int total = valid.size() + invalid.size();
        if (!valid.isEmpty()) {
            return valid.size() + " of " + total + " proof-of-address documents are valid.";
        }
        return "None of the " + total + " proof-of-address documents is valid: " + invalid.stream()
                .map(r -> r.extractionData().summary()).distinct().collect(Collectors.joining(" "));
    }

    private static String explanation(List<DocumentReview> valid, List<DocumentReview> invalid, ProofOfAddressArgs args) {
        StringBuilder text = new StringBuilder("Each document was read and checked for its type, the person's name, "
                + "the self-attested address and a date within " + args.validityPeriodDays() + " days.");
        List<DocumentReview> all = new ArrayList<>(valid);
        all.addAll(invalid);
        for (DocumentReview review : all) {
            text.append("\n\n").append(review.document().field()).append(review.valid() ? " (valid)" : " (invalid)")
                    .append(":\n").append(review.extractionData().analysis());
        }
        return text.toString();
    }
}
