package io.kycflow.screening.fetch;

import io.kycflow.screening.lists.ListFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Downloads the configured lists into dated snapshot folders under the lists directory, where
 * {@link io.kycflow.screening.load.ListLoader} picks up the newest. Each file is fetched with a conditional
 * GET against the validators of the last snapshot; files answered 304 are copied from it. A new snapshot
 * appears only when something changed and the whole set parsed; otherwise the last good copy stays in
 * service. Failures are returned, never thrown, so a refresh without network harms nothing.
 */
public final class ListDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(ListDownloader.class);
    private static final String PART_SUFFIX = ".part";

    private final Path listsDir;
    private final List<ListSource> sources;
    private final DownloadSettings settings;
    private final Clock clock;
    private final FileFetcher fetcher;

    public ListDownloader(HttpClient client, Path listsDir, List<ListSource> sources) {
        this(client, listsDir, sources, DownloadSettings.DEFAULTS, Clock.systemUTC());
    }

    /** @param clock names snapshot folders; tests move it */
    public ListDownloader(HttpClient client, Path listsDir, List<ListSource> sources, DownloadSettings settings,
                          Clock clock) {
        this.listsDir = Objects.requireNonNull(listsDir, "listsDir");
        this.sources = List.copyOf(sources);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fetcher = new FileFetcher(Objects.requireNonNull(client, "client"), settings);
    }

    /**
     * A client fit for the publishers: redirects are not followed by the client (the downloader follows
     * https ones itself) and connecting has a deadline. The caller owns and closes it.
     */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
    }

    public List<ListSource> sources() {
        return sources;
    }

    /** Refreshes every configured list in turn; one list failing does not stop the others. */
    public List<RefreshOutcome> refreshAll() {
        List<RefreshOutcome> outcomes = new ArrayList<>();
        int n = 0;
        for (ListSource source : sources) {
            n++;
            // Progress for the operator: a first start fetches tens of MB and the log is what shows it moving.
            LOG.info("list {} ({}/{}): refreshing from {}", source.listId(), n, sources.size(),
                    source.files().getFirst().url().getHost());
            long started = System.nanoTime();
            RefreshOutcome outcome = refresh(source);
            LOG.info("list {} ({}/{}): {} ({}) in {} ms", source.listId(), n, sources.size(),
                    outcome.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), outcome.detail(),
                    (System.nanoTime() - started) / 1_000_000);
            outcomes.add(outcome);
            if (Thread.currentThread().isInterrupted()) {
                break; // shutting down
            }
        }
        return outcomes;
    }

    public synchronized RefreshOutcome refresh(ListSource source) {
        SnapshotStore store = new SnapshotStore(listsDir, source.listId());
        try {
            Optional<FileLock> lock = store.tryLock();
            if (lock.isEmpty()) {
                return outcome(source, RefreshOutcome.Status.SKIPPED, null, "another downloader is refreshing it");
            }
            FileChannel lockChannel = lock.get().channel();
            try {
                return refreshLocked(source, store);
            } finally {
                lockChannel.close(); // releases the lock
            }
        } catch (IOException | RuntimeException e) {
            return failed(source, e.toString());
        }
    }

    private RefreshOutcome refreshLocked(ListSource source, SnapshotStore store) throws IOException {
        Optional<Snapshot> previous = store.latest();
        Path staging = store.newStaging();
        try {
            Map<String, Path> staged = new LinkedHashMap<>();
            Map<String, FileState> states = new LinkedHashMap<>();
            boolean anyNew = false;
            for (SourceFile file : source.files()) {
                FileState before = usablePrevious(previous, file);
                Path target = staging.resolve("." + file.fileName() + PART_SUFFIX);
                FetchResult r = fetcher.fetch(file, before, target);
                if (r.notModified()) {
                    Files.copy(previous.orElseThrow().folder().resolve(file.fileName()), target);
                    states.put(file.fileName(), new FileState(file.url().toString(), firstNonNull(r.etag(), before.etag()),
                            firstNonNull(r.lastModified(), before.lastModified()), before.sha256()));
                } else {
                    anyNew = true;
                    LOG.info("list {}: received {} ({} bytes)", source.listId(), file.fileName(), r.received().bytes());
                    states.put(file.fileName(), new FileState(file.url().toString(), r.etag(), r.lastModified(),
                            r.received().sha256()));
                }
                staged.put(file.fileName(), target);
            }
            if (!anyNew) {
                return outcome(source, RefreshOutcome.Status.UNCHANGED, null, "not modified");
            }
            if (previous.isPresent() && sameContent(previous.get(), states)) {
                // A server without validators re-sends the same bytes: keep the snapshot, learn the validators.
                new SnapshotManifest(previous.get().manifest().fetchedAt(), previous.get().manifest().recordCount(),
                        states).write(previous.get().folder());
                return outcome(source, RefreshOutcome.Status.UNCHANGED, null, "same content re-sent");
            }
            int records = SnapshotVerifier.verify(source.kind(), staged);
            checkNotPartial(source, previous, records);
            for (Map.Entry<String, Path> e : staged.entrySet()) {
                Files.move(e.getValue(), staging.resolve(e.getKey()), StandardCopyOption.ATOMIC_MOVE);
            }
            Instant now = clock.instant();
            new SnapshotManifest(now, records, states).write(staging);
            Path published = store.publish(staging, now);
            store.prune(published, settings.keepSnapshots());
            LOG.info("list {}: new snapshot {} ({} records)", source.listId(), published.getFileName(), records);
            return outcome(source, RefreshOutcome.Status.NEW_SNAPSHOT, published, records + " records");
        } catch (IOException e) {
            return failed(source, e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (ListFormatException e) {
            return failed(source, "download rejected: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(source, "interrupted");
        } finally {
            if (Files.exists(staging)) {
                SnapshotStore.deleteSnapshotFolder(staging);
            }
        }
    }

    /** The previous state of a file, if the last snapshot holds it from the same URL. */
    private static FileState usablePrevious(Optional<Snapshot> previous, SourceFile file) {
        if (previous.isEmpty()) {
            return null;
        }
        FileState s = previous.get().manifest().files().get(file.fileName());
        boolean usable = s != null && s.url().equals(file.url().toString()) && s.hasValidators()
                && Files.isRegularFile(previous.get().folder().resolve(file.fileName()));
        return usable ? s : null;
    }

    private static boolean sameContent(Snapshot previous, Map<String, FileState> states) {
        Map<String, FileState> before = previous.manifest().files();
        return before.keySet().equals(states.keySet()) && states.entrySet().stream()
                .allMatch(e -> e.getValue().sha256().equals(before.get(e.getKey()).sha256()));
    }

    private void checkNotPartial(ListSource source, Optional<Snapshot> previous, int records) throws IOException {
        if (previous.isEmpty()) {
            return;
        }
        int before = previous.get().manifest().recordCount();
        if (records < before * settings.minRecordRatio()) {
            throw new IOException("download rejected: " + records + " records against " + before
                    + " in the previous snapshot; probably partial");
        }
    }

    private static RefreshOutcome failed(ListSource source, String detail) {
        LOG.debug("list {} not refreshed: {}", source.listId(), detail);
        return outcome(source, RefreshOutcome.Status.FAILED, null, detail);
    }

    private static RefreshOutcome outcome(ListSource source, RefreshOutcome.Status status, Path snapshot, String detail) {
        return new RefreshOutcome(source.listId(), status, snapshot, detail);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
