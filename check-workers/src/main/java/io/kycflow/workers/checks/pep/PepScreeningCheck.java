package io.kycflow.workers.checks.pep;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.agent.CheckCatalog;
import io.kycflow.common.command.CheckTask;
import io.kycflow.screening.load.ListPurpose;
import io.kycflow.screening.load.ListRegistry;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.RatingThresholds;
import io.kycflow.screening.match.ScreeningResult;
import io.kycflow.screening.model.Countries;
import io.kycflow.workers.check.Check;
import io.kycflow.workers.check.CheckUnavailableException;
import io.kycflow.workers.check.CheckVerdict;
import io.kycflow.workers.checks.sanctions.ListFreshness;
import io.kycflow.workers.checks.sanctions.SanctionsThresholds;
import io.kycflow.workers.checks.sanctions.SubjectQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@code kyc.pep_screening_check_v2}: screens the subject against the PEP lists in service (US Congress and
 * executive files, FtM entities with the topics role.pep / role.rca) with the sanctions matcher (name, date of
 * birth, nationality), and adjudicates the vendor's potential PEP hits carried in the kyc_schema. Being a PEP is
 * not a failure: the check passes and reports {@code pep_match}, on which the agent's rules decide (the bundled
 * {@code public-kyc} reviews a STRONG or PARTIAL match, for enhanced due diligence). Like the sanctions check it
 * never answers without lists: none loaded, or one older than the maximum age, is an error.
 */
public final class PepScreeningCheck implements Check {

    private final ListRegistry registry;
    private final ListFreshness freshness;
    private final Clock clock;

    public PepScreeningCheck(ListRegistry registry, Duration maxAge, Clock clock) {
        this(registry, maxAge, clock, () -> false);
    }

    /** @param listsArriving true while the first list download runs: tasks wait for it rather than fail */
    public PepScreeningCheck(ListRegistry registry, Duration maxAge, Clock clock, BooleanSupplier listsArriving) {
        if (registry.purpose() != ListPurpose.PEP) {
            throw new IllegalArgumentException("the PEP check needs a registry of PEP lists");
        }
        this.registry = registry;
        this.freshness = new ListFreshness("PEP", maxAge, clock, listsArriving);
        this.clock = clock;
    }

    @Override
    public String id() {
        return CheckCatalog.PEP_SCREENING;
    }

    /** Tasks wait while the first lists are on their way; with none loaded and none coming they fail fast. */
    @Override
    public boolean ready() {
        return freshness.takesTasks(registry.current().isPresent());
    }

    /** Why the check cannot answer now, for health reporting; empty when it can. */
    public Optional<CheckUnavailableException> unavailability() {
        Optional<ListRegistry.Snapshot> snapshot = registry.current();
        if (snapshot.isEmpty()) {
            return Optional.of(freshness.noLists());
        }
        return freshness.stale(snapshot.get().screener().lists());
    }

    @Override
    public CheckVerdict run(CheckTask task) throws CheckUnavailableException {
        ListRegistry.Snapshot snapshot = registry.current().orElseThrow(freshness::noLists);
        Optional<CheckUnavailableException> stale = freshness.stale(snapshot.screener().lists());
        if (stale.isPresent()) {
            throw stale.get();
        }
        RatingThresholds thresholds = SanctionsThresholds.from(task.args(), snapshot.screener().thresholds());
        PepPeriod period = PepPeriod.from(task.args());
        Query query = SubjectQuery.from(task.subject());
        String country = subjectCountry(task.subject());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        ScreeningResult result = snapshot.screener().screen(query);
        List<PepHit> hits = new ArrayList<>();
        result.hits().forEach(h -> {
            MatchRating rating = thresholds.rate(h.score());
            if (rating != MatchRating.NO_MATCH) {
                hits.add(PepHit.of(h, rating, PepStatus.of(h.entity().roles(), today, period), country, "list"));
            }
        });
        List<VendorPepProfiles.Adjudication> vendor = VendorPepProfiles.adjudicate(
                VendorPepProfiles.profiles(task.subject()), query, thresholds);
        vendor.forEach(a -> a.hit().ifPresent(h -> {
            if (a.rating() != MatchRating.NO_MATCH) {
                hits.add(PepHit.of(h, a.rating(), PepStatus.of(a.entity().roles(), today, period), country, "vendor"));
            }
        }));
        hits.sort(Comparator.comparing((PepHit h) -> h.rating().ordinal()).thenComparing(h -> -h.hit().score()));
        return PepVerdict.of(hits, vendor, result.lists(), period);
    }

    /** The subject's country for domestic / foreign: nationality, else residence, else the address's country. */
    private static String subjectCountry(JsonNode subject) {
        JsonNode data = subject == null ? null : subject.get("self_attested_data");
        if (data == null) {
            return null;
        }
        for (JsonNode v : List.of(data.path("country_of_nationality"), data.path("country_of_residence"),
                data.path("address").path("country_code"))) {
            if (v.isTextual() && !v.asText().isBlank()) {
                return Countries.isoCode(v.asText()).orElse(null);
            }
        }
        return null;
    }
}
