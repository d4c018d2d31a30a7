package io.kycflow.workers.checks.sanctions;

import io.kycflow.common.agent.CheckCatalog;
import io.kycflow.common.command.CheckTask;
import io.kycflow.screening.load.ListRegistry;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.screening.match.RatingThresholds;
import io.kycflow.screening.match.ScreeningResult;
import io.kycflow.workers.check.Check;
import io.kycflow.workers.check.CheckUnavailableException;
import io.kycflow.workers.check.CheckVerdict;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@code kyc.sanctions_screening_check_v2}: screens the subject against the lists in service. It never answers
 * "passed" without lists to back it: with none loaded, or one older than the maximum age, it throws
 * {@link CheckUnavailableException} and the job is reviewed.
 */
public final class SanctionsScreeningCheck implements Check {

    private final ListRegistry registry;
    private final ListFreshness freshness;

    /**
     * @param registry the lists in service, refreshed elsewhere ({@link SanctionsListsRefresher})
     * @param maxAge   a list published (else loaded) longer ago than this makes the check answer error;
     *                 {@link Duration#ZERO} turns the rule off
     */
    public SanctionsScreeningCheck(ListRegistry registry, Duration maxAge, Clock clock) {
        this(registry, maxAge, clock, () -> false);
    }

    /** @param listsArriving true while the first list download runs: tasks wait for it rather than fail */
    public SanctionsScreeningCheck(ListRegistry registry, Duration maxAge, Clock clock, BooleanSupplier listsArriving) {
        this.registry = registry;
        this.freshness = new ListFreshness("sanctions", maxAge, clock, listsArriving);
    }

    @Override
    public String id() {
        return CheckCatalog.SANCTIONS_SCREENING;
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
        // One snapshot for the whole task: lists and screener always agree even if a refresh swaps them now.
        ListRegistry.Snapshot snapshot = registry.current().orElseThrow(freshness::noLists);
        Optional<CheckUnavailableException> stale = freshness.stale(snapshot.screener().lists());
        if (stale.isPresent()) {
            throw stale.get();
        }
        RatingThresholds thresholds = SanctionsThresholds.from(task.args(), snapshot.screener().thresholds());
        ScreeningResult result = snapshot.screener().screen(SubjectQuery.from(task.subject()));
        List<RatedHit> hits = result.hits().stream()
                .map(h -> RatedHit.of(h, thresholds))
                .filter(h -> h.rating() != MatchRating.NO_MATCH)
                .toList();
        return SanctionsVerdict.of(hits, result.lists());
    }
}
