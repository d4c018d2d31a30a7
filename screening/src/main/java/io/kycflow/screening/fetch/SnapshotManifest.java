package io.kycflow.screening.fetch;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The downloader's record of one snapshot it made, kept inside the snapshot folder as {@value #FILE_NAME}
 * (a dot file: the loader ignores it). It marks the folder as the downloader's own, so retention never
 * deletes a snapshot placed by hand, and holds the validators for the next conditional GET.
 *
 * @param recordCount entities the parser read, for the partial-download guard
 * @param files       by file name within the snapshot
 */
public record SnapshotManifest(Instant fetchedAt, int recordCount, Map<String, FileState> files) {
    public static final String FILE_NAME = ".fetch.properties";

    public SnapshotManifest {
        files = Map.copyOf(files);
    }

    static Optional<SnapshotManifest> read(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, FileState> files = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("file.") && key.endsWith(".url")) {
                String name = key.substring("file.".length(), key.length() - ".url".length());
                files.put(name, new FileState(p.getProperty(key), p.getProperty("file." + name + ".etag"),
                        p.getProperty("file." + name + ".last_modified"), p.getProperty("file." + name + ".sha256")));
            }
        }
        try {
            return Optional.of(new SnapshotManifest(Instant.parse(p.getProperty("fetched_at")),
                    Integer.parseInt(p.getProperty("records", "0")), files));
        } catch (RuntimeException e) {
            throw new IOException(file + ": unreadable manifest: " + e.getMessage(), e);
        }
    }

    /** Writes through a temporary file and a rename, so a reader never sees half a manifest. */
    void write(Path folder) throws IOException {
        Properties p = new Properties();
        p.setProperty("fetched_at", fetchedAt.toString());
        p.setProperty("records", Integer.toString(recordCount));
        files.forEach((name, s) -> {
            p.setProperty("file." + name + ".url", s.url());
            p.setProperty("file." + name + ".sha256", s.sha256());
            if (s.etag() != null) {
                p.setProperty("file." + name + ".etag", s.etag());
            }
            if (s.lastModified() != null) {
                p.setProperty("file." + name + ".last_modified", s.lastModified());
            }
        });
        Path tmp = folder.resolve(FILE_NAME + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "written by kycflow's list downloader");
        }
        Files.move(tmp, folder.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
