package io.kycflow.bench.screening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A temporary lists directory of symbolic links to exactly the four evaluation lists of the screening issue
 * (the shared folder also holds older and incomplete OFAC snapshots, which must not decide what is loaded).
 */
final class BenchmarkLists implements AutoCloseable {
    /** Paths under shared/data/sanctions, linked at the same relative place. */
    static final List<String> LISTS = List.of("ofac_sdn/2024-07-02", "ofac_consolidated/2025-12-19", "un",
            "uk/ConList.csv");

    private final Path dir;

    private BenchmarkLists(Path dir) {
        this.dir = dir;
    }

    static BenchmarkLists link() throws IOException {
        Path dir = Files.createTempDirectory("kycflow-screening-bench");
        for (String list : LISTS) {
            Path target = SharedData.require("sanctions/" + list);
            Path link = dir.resolve(list);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, target);
        }
        return new BenchmarkLists(dir);
    }

    Path dir() {
        return dir;
    }

    /** Removes the links only (never follows them). */
    @Override
    public void close() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
