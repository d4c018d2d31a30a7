package io.kycflow.workers.checks.sanctions;

import io.kycflow.common.agent.CheckCatalog;
import io.kycflow.common.command.CheckTask;
import io.kycflow.screening.load.ListInfo;
import io.kycflow.screening.load.ListRegistry;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.screening.match.RatingThresholds;
import io.kycflow.screening.match.ScreeningResult;
import io.kycflow.workers.check.Check;
import io.kycflow.workers.check.CheckUnavailableException;
import io.kycflow.workers.check.CheckVerdict;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code kyc.sanctions_screening_check_v2}: screens the subject against the lists in service. It never answers
 * "passed" without lists to back it: with none loaded, or one older than the maximum age, it throws
 * {@link CheckUnavailableException} and the job is reviewed.
 */
public final class SanctionsScreeningCheck implements Check {

    private final ListRegistry registry;
    private final Duration maxAge;
    private final Clock clock;

    /**
     * @param registry the lists in service, refreshed elsewhere ({@link SanctionsListsRefresher})
     * @param maxAge   a list published (else loaded) longer ago than this makes the check answer error;
     *                 {@link Duration#ZERO} turns the rule off
     */
    public SanctionsScreeningCheck(ListRegistry registry, Duration maxAge, Clock clock) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative");
        }
        this.registry = registry;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public String id() {
        return CheckCatalog.SANCTIONS_SCREENING;
    }

    /** A worker takes no sanctions task before its lists are loaded. */
    @Override
    public boolean ready() {
        return registry.current().isPresent();
    }

    /** Why the check cannot answer now, for health reporting; empty when it can. */
    public Optional<CheckUnavailableException> unavailability() {
        Optional<ListRegistry.Snapshot> snapshot = registry.current();
        if (snapshot.isEmpty()) {
            return Optional.of(new CheckUnavailableException("lists_unavailable",
                    "No sanctions list is loaded, so the subject cannot be screened."));
        }
        return stale(snapshot.get().screener().lists());
    }

    @Override
    public CheckVerdict run(CheckTask task) throws CheckUnavailableException {
        // One snapshot for the whole task: lists and screener always agree even if a refresh swaps them now.
        ListRegistry.Snapshot snapshot = registry.current().orElseThrow(() -> new CheckUnavailableException(
                "lists_unavailable", "No sanctions list is loaded, so the subject cannot be screened."));
        List<ListInfo> lists = snapshot.screener().lists();
        Optional<CheckUnavailableException> stale = stale(lists);
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

    private Optional<CheckUnavailableException> stale(List<ListInfo> lists) {
        if (maxAge.isZero()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return lists.stream()
                .filter(l -> Duration.between(asOf(l), now).compareTo(maxAge) > 0)
                .min(Comparator.comparing(SanctionsScreeningCheck::asOf))
                .map(l -> new CheckUnavailableException("lists_stale", String.format(
                        "The sanctions list %s (version %s, dated %s) is older than the maximum age of %s.",
                        l.listId(), l.version(), asOf(l), readable(maxAge))));
    }

    private static String readable(Duration d) {
        return d.toSeconds() % 86_400 == 0 ? d.toDays() + " days" : d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    /** The publication date (start of that day, UTC), else when the list was loaded. */
    private static Instant asOf(ListInfo list) {
        if (list.date() != null) {
            return list.date().atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return list.loadedAt();
    }
}
