package io.kycflow.workers.checks.jurisdiction;

import io.kycflow.common.job.RiskRating;

/**
 * One of the subject's places on one list: which field, which country, which list at which risk, and the
 * sanctioned region when it was a region (not the whole country) that matched.
 */
record JurisdictionFinding(String field, String countryCode, JurisdictionList list, JurisdictionList.Region region) {

    RiskRating risk() {
        return list.risk();
    }

    String describe() {
        String where = region != null ? region.name() + " (" + region.code() + ")" : countryCode;
        return String.format("%s %s is on %s (%s, published %s): %s risk", field.replace('_', ' '), where, list.name(),
                list.publisher(), list.published(), list.risk().wire());
    }
}
