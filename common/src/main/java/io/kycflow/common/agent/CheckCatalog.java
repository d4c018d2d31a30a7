package io.kycflow.common.agent;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The checks kycflow can run (each has a worker), with display names and descriptions: what
 * {@code getAvailableChecks} lists and what agents may name. Ids are stable: new versions get new ids
 * rather than changing old ones (the reference API's {@code _v2} names are kept). DESIGN.md reserves
 * further ids (adverse media, high-risk jurisdiction); each joins this catalogue with its worker,
 * never before.
 */
public final class CheckCatalog {

    public static final String IDENTITY_DATA_VALIDATION = "kyc.identity_data_validation_check";
    public static final String SANCTIONS_SCREENING = "kyc.sanctions_screening_check_v2";
    public static final String PEP_SCREENING = "kyc.pep_screening_check_v2";
    public static final String PROOF_OF_ADDRESS = "kyc.proof_of_address_verification";
    public static final String GOVERNMENT_ID = "kyc.government_id_verification";
    public static final String ADVERSE_MEDIA_SCREENING = "kyc.adverse_media_screening_check_v2";
    public static final String HIGH_RISK_JURISDICTION = "kyc.high_risk_jurisdiction_check";

    /** One check as the catalogue describes it. */
    public record Entry(String checkId, String name, String description) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add(new Entry(IDENTITY_DATA_VALIDATION, "Identity data validation",
                "Checks the identity data a person gave: names, date of birth and minimum age, email, phone for "
                        + "the country, country codes and postal code format."));
        add(new Entry(SANCTIONS_SCREENING, "Sanctions screening",
                "Screens the person against the loaded sanctions lists (OFAC, UN, UK…), corroborated by date of "
                        + "birth and nationality."));
        add(new Entry(PEP_SCREENING, "PEP screening",
                "Screens the person against the loaded PEP lists (US Congress and executive, FollowTheMoney PEP and "
                        + "RCA entities) and adjudicates a vendor's potential PEP hits; reports in or out of office."));
        add(new Entry(PROOF_OF_ADDRESS, "Proof of address verification",
                "Reads the proof-of-address documents (PDF text, or OCR of a scan): document type, the name against "
                        + "the person's, the address against the self-attested one, and the document date within "
                        + "validity_period (90, 365 or 1825 days)."));
        add(new Entry(GOVERNMENT_ID, "Government ID verification",
                "Reads the machine-readable zone of a passport or ID card (given as text, or OCR of the ID page): "
                        + "every ICAO 9303 check digit, expiry, and name, date of birth and nationality against the "
                        + "person's."));
        add(new Entry(ADVERSE_MEDIA_SCREENING, "Adverse media screening",
                "Adjudicates the adverse-media profiles the client's vendor found (kyc_schema.adverse_media_event_check"
                        + ".vendor_data): matches each to the person by name, date of birth and countries, classifies "
                        + "its events (fraud, corruption, money laundering, terrorist financing…) with the person's role, "
                        + "and rates the match STRONG, PARTIAL, WEAK or NO_MATCH."));
        add(new Entry(HIGH_RISK_JURISDICTION, "High-risk jurisdiction check",
                "Checks nationality, residence and address countries against FATF's high-risk (call for action) and "
                        + "increased-monitoring jurisdictions and comprehensively sanctioned countries and regions."));
    }

    private static void add(Entry entry) {
        ENTRIES.put(entry.checkId(), entry);
    }

    private CheckCatalog() {
    }

    public static boolean isKnown(String checkId) {
        return ENTRIES.containsKey(checkId);
    }

    public static Optional<String> displayName(String checkId) {
        return Optional.ofNullable(ENTRIES.get(checkId)).map(Entry::name);
    }

    public static Collection<Entry> all() {
        return ENTRIES.values();
    }
}
