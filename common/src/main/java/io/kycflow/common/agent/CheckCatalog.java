package io.kycflow.common.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every check id kycflow knows, with its display name. Ids are stable: new versions get new ids
 * rather than changing old ones (the reference API's {@code _v2} names are kept).
 */
public final class CheckCatalog {

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("kyc.sanctions_screening_check_v2", "Sanctions screening");
        NAMES.put("kyc.pep_screening_check_v2", "PEP screening");
        NAMES.put("kyc.adverse_media_screening_check_v2", "Adverse media screening");
        NAMES.put("kyc.proof_of_address_verification", "Proof of address verification");
        NAMES.put("kyc.identity_data_validation_check", "Identity data validation");
        NAMES.put("kyc.government_id_verification", "Government ID verification");
        NAMES.put("kyc.high_risk_jurisdiction_check", "High-risk jurisdiction check");
    }

    private CheckCatalog() {
    }

    public static boolean isKnown(String checkId) {
        return NAMES.containsKey(checkId);
    }

    public static Optional<String> displayName(String checkId) {
        return Optional.ofNullable(NAMES.get(checkId));
    }
}
