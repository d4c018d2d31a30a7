package io.kycflow.workers.checks.sanctions;

import io.kycflow.screening.load.ListInfo;
import io.kycflow.workers.check.CheckUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The rule shared by every list-screening check: a list published (else loaded) longer ago than
 * {@code KYCFLOW_LISTS_MAX_AGE} makes the check answer {@code error} ({@code lists_stale}), and no list at all
 * is {@code lists_unavailable}. {@link Duration#ZERO} turns the age rule off.
 *
 * @param listsArriving true while the first download of the official lists runs: a check without lists then
 *                      waits for them rather than answering error
 */
public record ListFreshness(String kind, Duration maxAge, Clock clock, BooleanSupplier listsArriving) {

    public ListFreshness {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative");
        }
    }

    /** With no download on its way: no lists means an error at once. */
    public ListFreshness(String kind, Duration maxAge, Clock clock) {
        this(kind, maxAge, clock, () -> false);
    }

    /**
     * Whether the check takes tasks: with lists loaded, or with none and none on their way, when it answers
     * {@code error} promptly instead of leaving the job to wait for its deadline.
     */
    public boolean takesTasks(boolean listsLoaded) {
        return listsLoaded || !listsArriving.getAsBoolean();
    }

    /** No list of this kind is loaded. */
    public CheckUnavailableException noLists() {
        if (listsArriving.getAsBoolean()) {
            return new CheckUnavailableException("lists_pending",
                    "No " + kind + " list is loaded yet: the first download of the official lists is running.");
        }
        return new CheckUnavailableException("lists_unavailable", "No " + kind + " list is loaded, so the subject "
                + "cannot be screened: put the official files in the lists folder or turn list downloads on.");
    }

    /** The oldest list past the maximum age, as the reason the check cannot answer; empty when all are fresh. */
    public Optional<CheckUnavailableException> stale(List<ListInfo> lists) {
        if (maxAge.isZero()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return lists.stream()
                .filter(l -> Duration.between(asOf(l), now).compareTo(maxAge) > 0)
                .min(Comparator.comparing(ListFreshness::asOf))
                .map(l -> new CheckUnavailableException("lists_stale", String.format(
                        "The %s list %s (version %s, dated %s) is older than the maximum age of %s.",
                        kind, l.listId(), l.version(), asOf(l), readable(maxAge))));
    }

    private static String readable(Duration d) {
        return d.toSeconds() % 86_400 == 0 ? d.toDays() + " days" : d.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** The publication date (start of that day, UTC), else when the list was loaded. */
    private static Instant asOf(ListInfo list) {
        return list.date() != null ? list.date().atStartOfDay(ZoneOffset.UTC).toInstant() : list.loadedAt();
    }
}
