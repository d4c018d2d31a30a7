package io.kycflow.workers.checks.sanctions;

import io.kycflow.screening.load.ListInfo;
import io.kycflow.screening.load.ListLoader;
import io.kycflow.screening.load.ListRegistry;
import io.kycflow.screening.load.LoadReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps the {@link ListRegistry} fed from the lists directory ({@code KYCFLOW_LISTS_DIR}): reads it once on
 * {@link #start()}, then again every interval. The registry swaps lists atomically and keeps a list's last
 * good version when its new file is malformed, so a bad download never takes screening down.
 *
 * <p>Re-reading all lists and rebuilding the index costs seconds and memory, so a pass is skipped when no
 * file's name, size or modification time changed since the last one.
 */
public final class SanctionsListsRefresher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SanctionsListsRefresher.class);

    private final List<ListRegistry> registries;
    private final ListLoader loader = new ListLoader();
    private final Path directory;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    private String lastFingerprint;

    /** @param interval time between re-reads; {@link Duration#ZERO} reads once at start only */
    public SanctionsListsRefresher(ListRegistry registry, Path directory, Duration interval) {
        this(List.of(registry), directory, interval);
    }

    /**
     * One reader for registries of several purposes (sanctions and PEP) over the same folder: each read parses
     * the folder once and every registry takes its purpose's entities from it.
     */
    public SanctionsListsRefresher(List<ListRegistry> registries, Path directory, Duration interval) {
        if (registries.isEmpty()) {
            throw new IllegalArgumentException("a lists reader needs a registry to feed");
        }
        this.registries = List.copyOf(registries);
        this.directory = directory;
        this.interval = interval;
        String thread = registries.stream().map(SanctionsListsRefresher::label).collect(Collectors.joining("-"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, thread + "-lists-refresh");
            t.setDaemon(true);
            return t;
        });
    }

    /** The registry's purpose names its logs: "sanctions", "pep". */
    private static String label(ListRegistry registry) {
        return registry.purpose().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Loads the lists now (the caller may wait for them), then schedules the re-reads. */
    public SanctionsListsRefresher start() {
        refreshNow();
        if (interval.isPositive()) {
            scheduler.scheduleWithFixedDelay(this::refreshNow, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Reads the directory if anything changed; returns whether lists are in service afterwards. */
    public synchronized boolean refreshNow() {
        try {
            String fingerprint = fingerprint();
            if (fingerprint.equals(lastFingerprint) && inService()) {
                return true;
            }
            LoadReport all = loader.load(directory);
            lastFingerprint = fingerprint;
            for (ListRegistry registry : registries) {
                String label = label(registry);
                LoadReport report = registry.accept(all);
                report.problems().forEach(p -> log.error("{} list not updated: {}", label, p));
                report.skipped().forEach(skip -> log.debug("{} lists: {}", label, skip));
                registry.current().ifPresentOrElse(
                        snapshot -> log.info("{} lists in service: {}", label, describe(snapshot.screener().lists())),
                        () -> log.warn("no {} list loaded from {}", label, directory));
            }
        } catch (IOException | RuntimeException e) {
            // Keep serving what is loaded; the next pass tries again.
            log.error("could not read lists from {}: {}", directory, e.toString());
        }
        return inService();
    }

    /** Whether any list this reader feeds is in service. */
    public boolean inService() {
        return registries.stream().anyMatch(r -> r.current().isPresent());
    }

    private static String describe(List<ListInfo> lists) {
        return lists.stream().map(l -> l.listId() + " " + l.version() + " (" + l.recordCount() + " records)").toList()
                .toString();
    }

    /** Names, sizes and modification times of every file under the directory, symbolic links followed. */
    private String fingerprint() throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> walk = Files.walk(directory, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String line = p + "\t" + Files.size(p) + "\t" + Files.getLastModifiedTime(p).toMillis() + "\n";
                digest.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
