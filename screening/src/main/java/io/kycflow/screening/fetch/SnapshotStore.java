package io.kycflow.screening.fetch;

import io.kycflow.screening.lists.FileRole;
import io.kycflow.screening.lists.ListFileSniffer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The on-disk layout of one list's downloads: {@code <lists dir>/<list id>/<yyyy-mm-dd>T<hhmmss>Z/}. A new
 * snapshot is assembled in a dot-named staging folder and renamed into place in one step, so the loader
 * sees either the old set of snapshots or the new one, never a half-written folder.
 *
 * <p>Only folders holding a {@link SnapshotManifest} are the store's own; folders placed by hand are read
 * by the loader but never touched here.
 */
final class SnapshotStore {
    private static final String STAGING_PREFIX = ".incoming-";
    private static final String LOCK_FILE = ".download.lock";
    private static final DateTimeFormatter FOLDER_NAME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path listDir;

    SnapshotStore(Path listsDir, String listId) {
        this.listDir = listsDir.resolve(listId);
    }

    Path listDir() {
        return listDir;
    }

    /**
     * Takes the list's lock file, so that two downloaders sharing a lists directory (say, two processes)
     * never assemble or prune the same list at once. Empty when another holds it.
     */
    Optional<FileLock> tryLock() throws IOException {
        Files.createDirectories(listDir);
        FileChannel channel = FileChannel.open(listDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
            }
            return Optional.ofNullable(lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            return Optional.empty();
        }
    }

    /** The store's snapshots, newest first (folder names sort by time). */
    List<Snapshot> snapshots() throws IOException {
        List<Snapshot> out = new ArrayList<>();
        if (!Files.isDirectory(listDir)) {
            return out;
        }
        try (Stream<Path> children = Files.list(listDir)) {
            for (Path p : children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList()) {
                SnapshotManifest.read(p).ifPresent(m -> out.add(new Snapshot(p, m)));
            }
        }
        return out;
    }

    Optional<Snapshot> latest() throws IOException {
        return snapshots().stream().findFirst();
    }

    /** A fresh staging folder; leftovers of an interrupted run are removed first (the lock is held). */
    Path newStaging() throws IOException {
        try (Stream<Path> children = Files.list(listDir)) {
            for (Path p : children.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                deleteSnapshotFolder(p);
            }
        }
        return Files.createDirectory(listDir.resolve(STAGING_PREFIX + UUID.randomUUID()));
    }

    /** Renames a verified staging folder into place under a name made from the fetch time. */
    Path publish(Path staging, Instant fetchedAt) throws IOException {
        String base = FOLDER_NAME.format(fetchedAt);
        Path target = listDir.resolve(base);
        for (int i = 2; Files.exists(target); i++) {
            target = listDir.resolve(base + "-" + i);
        }
        return Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Deletes the store's snapshots other than {@code kept}: those of the same day (the loader tells
     * snapshots apart by the date in the folder name only, so an earlier one of the same day could win) and
     * those beyond the newest {@code keep}.
     */
    void prune(Path kept, int keep) throws IOException {
        String keptDay = day(kept);
        int retained = 0;
        for (Snapshot s : snapshots()) {
            boolean isKept = s.folder().equals(kept);
            boolean sameDayOlder = !isKept && day(s.folder()).equals(keptDay);
            if (isKept || (!sameDayOlder && retained < keep)) {
                retained++;
            } else {
                deleteSnapshotFolder(s.folder());
            }
        }
    }

    private static String day(Path folder) {
        String name = folder.getFileName().toString();
        return name.length() >= 10 ? name.substring(0, 10) : name;
    }

    /**
     * Deletes primary list files first: a loader scanning meanwhile then finds OFAC auxiliary files without
     * their primary (skipped as incomplete) rather than a primary without its aliases.
     */
    static void deleteSnapshotFolder(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> children = Files.list(folder)) {
            files = new ArrayList<>(children.toList());
        }
        files.sort(Comparator.comparing(SnapshotStore::isPrimaryListFile).reversed());
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                deleteSnapshotFolder(f);
            } else {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(folder);
    }

    private static boolean isPrimaryListFile(Path file) {
        try {
            return Files.isRegularFile(file)
                    && ListFileSniffer.sniff(file).map(f -> f.role() == FileRole.PRIMARY).orElse(false);
        } catch (IOException e) {
            return false; // unreadable: deleted last, which is harmless
        }
    }
}
