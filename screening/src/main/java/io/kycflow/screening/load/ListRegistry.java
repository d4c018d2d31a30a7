package io.kycflow.screening.load;

import io.kycflow.screening.match.Screener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The lists in service and the screener built on them, swapped atomically on refresh. A list that fails
 * to load keeps its previous good version in service; readers always see one consistent snapshot.
 */
public final class ListRegistry {
    /** An immutable pairing of lists and the screener over exactly those lists. */
    public record Snapshot(Map<String, LoadedList> lists, Screener screener) {
        public Snapshot {
            lists = Map.copyOf(lists);
        }
    }

    private final ListLoader loader;
    private final Function<List<LoadedList>, Screener> screenerFactory;
    private final ListPurpose purpose;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    /** The sanctions lists. */
    public ListRegistry() {
        this(ListPurpose.SANCTIONS);
    }

    /** The lists, or the FtM entities, that serve one purpose (sanctions or PEP). */
    public ListRegistry(ListPurpose purpose) {
        this(new ListLoader(), Screener::of, purpose);
    }

    public ListRegistry(ListLoader loader, Function<List<LoadedList>, Screener> screenerFactory) {
        this(loader, screenerFactory, ListPurpose.SANCTIONS);
    }

    public ListRegistry(ListLoader loader, Function<List<LoadedList>, Screener> screenerFactory, ListPurpose purpose) {
        this.loader = loader;
        this.screenerFactory = screenerFactory;
        this.purpose = purpose;
    }

    public ListPurpose purpose() {
        return purpose;
    }

    /** The snapshot in service, empty before the first successful load. */
    public Optional<Snapshot> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * Reads the directory and puts every well-formed list into service, keeping the previous version of any
     * list that is missing or malformed this time. Concurrent refreshes are serialised.
     */
    public LoadReport refresh(Path directory) throws IOException {
        return accept(loader.load(directory));
    }

    /**
     * Puts into service what one read of the lists folder found, as {@link #refresh} does: lets registries of
     * several purposes share one read of the same folder instead of parsing it each.
     */
    public synchronized LoadReport accept(LoadReport all) {
        List<LoadedList> mine = new ArrayList<>();
        List<String> skipped = new ArrayList<>(all.skipped());
        for (LoadedList l : all.loaded()) {
            purpose.select(l).ifPresentOrElse(mine::add,
                    () -> skipped.add(l.info().listId() + ": no entity for " + purpose.name().toLowerCase(java.util.Locale.ROOT) + " screening"));
        }
        LoadReport report = new LoadReport(mine, all.problems(), skipped);
        Map<String, LoadedList> merged = new TreeMap<>();
        Snapshot before = current.get();
        if (before != null) {
            merged.putAll(before.lists());
        }
        for (LoadedList l : report.loaded()) {
            merged.put(l.info().listId(), l);
        }
        if (!merged.isEmpty() && (before == null || !report.loaded().isEmpty())) {
            current.set(new Snapshot(merged, screenerFactory.apply(new ArrayList<>(merged.values()))));
        }
        return report;
    }
}
