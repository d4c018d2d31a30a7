package io.kycflow.workers.checks.jurisdiction;

import io.kycflow.common.job.RiskRating;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One published list of risky jurisdictions (e.g. FATF's "call for action"), as the data file gives it: who
 * published it, when, where to read it, the rating a match raises the check to, its countries and regions.
 */
record JurisdictionList(String id, String name, String publisher, LocalDate published, String sourceUrl,
                        RiskRating risk, Set<String> countries, List<Region> regions) {

    /**
     * A sanctioned region inside a country (Crimea in Ukraine), found by its names in an address's state or
     * city; {@code alsoWrittenAs} are other country codes such an address may carry (a claimant's).
     */
    record Region(String country, List<String> alsoWrittenAs, String code, String name, List<String> aliases) {
        Region {
            alsoWrittenAs = List.copyOf(alsoWrittenAs);
            aliases = List.copyOf(aliases);
        }
    }

    JurisdictionList {
        countries = Set.copyOf(countries);
        regions = List.copyOf(regions);
    }
}
