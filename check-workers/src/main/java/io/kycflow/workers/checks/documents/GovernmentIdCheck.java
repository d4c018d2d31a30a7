package io.kycflow.workers.checks.documents;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.agent.CheckCatalog;
import io.kycflow.common.command.CheckTask;
import io.kycflow.common.document.DocumentRejectedException;
import io.kycflow.common.json.Json;
import io.kycflow.screening.match.PairScore;
import io.kycflow.screening.match.PairScorer;
import io.kycflow.workers.check.Check;
import io.kycflow.workers.check.CheckUnavailableException;
import io.kycflow.workers.check.CheckVerdict;
import io.kycflow.workers.checks.documents.mrz.CheckDigit;
import io.kycflow.workers.checks.documents.mrz.IcaoNationality;
import io.kycflow.workers.checks.documents.mrz.Mrz;
import io.kycflow.workers.checks.documents.mrz.MrzParser;
import io.kycflow.workers.checks.identity.SelfAttestedData;

import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code kyc.government_id_verification}: the machine-readable zone of a passport (TD3) or ID card (TD1, TD2),
 * from {@code self_attested_data.government_id_data.mrz} (the MRZ lines as text) or read by OCR from its
 * first {@code documents} entry (an image or PDF of the ID page). Findings, each explained:
 * <ol>
 *   <li>check digits: every one of the format (document number, birth date, expiry, personal number, composite);</li>
 *   <li>expiry: the document has not expired;</li>
 *   <li>name: the MRZ name against the person's (the screening matcher: MRZ names are transliterated);</li>
 *   <li>date of birth and nationality against the self-attested ones, when given;</li>
 *   <li>document number against {@code government_id_data.id_number}, when given.</li>
 * </ol>
 * No government ID given: passes with {@code documents_provided: false} (nothing verified; the agent decides).
 * This reads the MRZ only: the visual zone, the chip and security features are not examined.
 */
public final class GovernmentIdCheck implements Check {

    public static final String ID = CheckCatalog.GOVERNMENT_ID;
    static final String FIELD = "government_id_data";

    private final DocumentReader reader;
    private final PairScorer names;
    private final Clock clock;

    public GovernmentIdCheck(DocumentReader reader, PairScorer names, Clock clock) {
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
        SelfAttestedData data = SelfAttestedData.of(task.subject());
        JsonNode id = data.node().path(FIELD);
        String mrzText = id.path("mrz").isTextual() && !id.path("mrz").asText().isBlank() ? id.path("mrz").asText() : null;
        JsonNode documents = id.path("documents");
        boolean hasDocument = documents.isArray() && !documents.isEmpty() && documents.get(0).isObject();
        if (mrzText == null && !hasDocument) {
            GovernmentIdResult result = new GovernmentIdResult(GovernmentIdResult.TYPE, false, null, null, null, null,
                    null, null, null, null, null, null, null, List.of(), List.of(), false, true);
            return new CheckVerdict(true, "No government ID was provided; nothing was verified.",
                    "The request has no self_attested_data.government_id_data with an mrz or documents, so there was "
                            + "no ID to read. The check does not fail for want of one; the agent's rules decide "
                            + "whether a person without one needs review.",
                    Json.mapper().valueToTree(result), List.of());
        }
        String source;
        String text;
        if (mrzText != null) {
            source = "text";
            text = mrzText;
        } else {
            try {
                DocumentText read = reader.read(SubmittedDocument.of(FIELD + ".documents[0]", documents.get(0)), Ocr.Mode.MRZ);
                source = read.source();
                text = read.text();
            } catch (DocumentRejectedException e) {
                return failed("The ID document " + e.getMessage() + ".", null);
            } catch (DocumentReader.OcrUnavailableException e) {
                throw new CheckUnavailableException("ocr_unavailable", e.getMessage());
            } catch (IOException e) {
                throw new CheckUnavailableException("document_unavailable", "the ID document could not be read now: "
                        + e.getMessage());
            }
        }
        Optional<Mrz> parsed = MrzParser.find(text);
        if (parsed.isEmpty()) {
            return failed(source.equals("text")
                    ? "government_id_data.mrz is not a machine-readable zone (2 lines of 44 or 36 characters, or 3 of 30, "
                    + "of A-Z 0-9 <)."
                    : "No machine-readable zone could be read from the ID document (" + source
                    + "): an unreadable scan, or a page without an MRZ.", source);
        }
        return judge(parsed.get(), source, data, id);
    }

    private CheckVerdict judge(Mrz mrz, String source, SelfAttestedData data, JsonNode id) {
        LocalDate today = LocalDate.now(clock);
        List<DocumentFinding> findings = new ArrayList<>();
        List<CheckDigit> bad = mrz.checkDigits().stream().filter(d -> !d.valid()).toList();
        findings.add(new DocumentFinding("check_digits", bad.isEmpty(), bad.isEmpty()
                ? "All " + mrz.checkDigits().size() + " check digits of the " + mrz.format() + " MRZ are correct."
                : "Wrong check digit" + (bad.size() > 1 ? "s" : "") + ": " + bad.stream()
                .map(d -> d.field() + " (printed " + d.printed() + ", computed " + d.computed() + ")")
                .collect(Collectors.joining(", ")) + ". The MRZ was altered or misread."));

        LocalDate expiry = date(mrz.expiryDate(), 2000);
        LocalDate birth = birthDate(mrz.birthDate(), today);
        if (expiry == null) {
            findings.add(new DocumentFinding("expiry", false, "The expiry date in the MRZ is not a date."));
        } else {
            boolean current = !expiry.isBefore(today);
            findings.add(new DocumentFinding("expiry", current, current
                    ? "The document is valid until " + expiry + "."
                    : "The document expired on " + expiry + "."));
        }

        String fullName = ProofOfAddressCheck.fullName(data);
        String mrzName = (mrz.givenNames() + " " + mrz.surname()).strip();
        PairScore score = names.score(fullName, mrzName, "Person");
        findings.add(new DocumentFinding("name", score.match(), (score.match()
                ? "The name in the MRZ matches the person's"
                : "The name in the MRZ does not match the person's")
                + String.format(Locale.ROOT, " (score %.2f, %s).", score.score(), score.rating())));

        data.text("date_of_birth").ifPresent(claimed -> findings.add(birth == null
                ? new DocumentFinding("date_of_birth", false, "The date of birth in the MRZ is not a date.")
                : claimed.equals(birth.toString())
                ? new DocumentFinding("date_of_birth", true, "The date of birth in the MRZ is the self-attested one.")
                : new DocumentFinding("date_of_birth", false, "The date of birth in the MRZ differs from the "
                + "self-attested one.")));

        Optional<String> nationality = IcaoNationality.alpha2(mrz.nationality());
        data.text("country_of_nationality").ifPresent(claimed -> findings.add(nationality.isEmpty()
                ? new DocumentFinding("nationality", false, "The MRZ nationality " + mrz.nationality()
                + " is not a country code.")
                : new DocumentFinding("nationality", nationality.get().equalsIgnoreCase(claimed), "The MRZ nationality is "
                + mrz.nationality() + " (" + nationality.get() + "); the self-attested one is "
                + claimed.toUpperCase(Locale.ROOT) + ".")));

        JsonNode idNumber = id.path("id_number");
        if (idNumber.isTextual() && !idNumber.asText().isBlank()) {
            boolean same = idNumber.asText().replaceAll("[\\s-]", "").equalsIgnoreCase(mrz.documentNumber());
            findings.add(new DocumentFinding("document_number", same, same
                    ? "The document number in the MRZ is government_id_data.id_number."
                    : "The document number in the MRZ differs from government_id_data.id_number."));
        }

        boolean passed = findings.stream().allMatch(DocumentFinding::passed);
        GovernmentIdResult result = new GovernmentIdResult(GovernmentIdResult.TYPE, true, source, mrz.format().name(),
                mrz.documentCode(), mrz.issuingState(), mrz.documentNumber(), mrz.surname(), mrz.givenNames(), birth,
                expiry, mrz.nationality(), mrz.sex(), mrz.checkDigits(), findings, passed, passed);
        List<String> failed = findings.stream().filter(f -> !f.passed()).map(DocumentFinding::check).toList();
        String answer = passed ? "The " + mrz.format() + " machine-readable zone is valid and matches the person."
                : "The government ID failed: " + String.join(", ", failed) + ".";
        String explanation = findings.stream().map(f -> (f.passed() ? "passed " : "FAILED ") + f.check() + ": "
                + f.explanation()).collect(Collectors.joining("\n"));
        return new CheckVerdict(passed, answer, "MRZ read from " + source + ".\n" + explanation,
                Json.mapper().valueToTree(result), List.of());
    }

    private static CheckVerdict failed(String reason, String source) {
        GovernmentIdResult result = new GovernmentIdResult(GovernmentIdResult.TYPE, true, source, null, null, null,
                null, null, null, null, null, null, null, List.of(),
                List.of(new DocumentFinding("readable", false, reason)), false, false);
        return new CheckVerdict(false, "The government ID could not be read.", reason,
                Json.mapper().valueToTree(result), List.of());
    }

    /** A {@code YYMMDD} date in the century starting at {@code century}, or null when it is not a date. */
    private static LocalDate date(String yymmdd, int century) {
        if (!yymmdd.matches("\\d{6}")) {
            return null;
        }
        try {
            return LocalDate.of(century + Integer.parseInt(yymmdd.substring(0, 2)),
                    Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4, 6)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A birth date is never in the future: a two-digit year after this year's is of the last century. */
    private static LocalDate birthDate(String yymmdd, LocalDate today) {
        LocalDate date = date(yymmdd, 2000);
        return date != null && date.isAfter(today) ? date.minusYears(100) : date;
    }
}
