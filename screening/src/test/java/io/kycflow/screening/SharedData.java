package io.kycflow.screening;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds ../shared/data (real lists and evaluation cases). Tests needing it skip, with a message, where it
 * is absent: the repository must build without it.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path sharedDir() {
        String property = System.getProperty("kycflow.shared.dir");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Path.of(property);
        }
        for (Path candidate : new Path[]{Path.of("../shared"), Path.of("../../shared")}) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        return Path.of(property != null ? property : "../shared");
    }

    /** The path under shared/data, or skips the calling test when it is missing. */
    public static Path require(String relative) {
        Path p = sharedDir().resolve("data").resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), p + " absent (../shared/data absent): skipping");
        return p;
    }
}
