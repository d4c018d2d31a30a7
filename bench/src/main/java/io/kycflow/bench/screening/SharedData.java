package io.kycflow.bench.screening;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared data the screening benchmark runs on: {@code -Dkycflow.shared.dir}, else {@code ../shared}
 * from the working directory. The lists and cases are not in the repository, so their absence stops the
 * benchmark with a message rather than measuring nothing.
 */
final class SharedData {
    static final String PROPERTY = "kycflow.shared.dir";

    private SharedData() {
    }

    /** {@code <shared>/data/<relative>}, which must exist. */
    static Path require(String relative) {
        String configured = System.getProperty(PROPERTY);
        Path shared = configured != null ? Path.of(configured) : Path.of("../shared");
        Path p = shared.resolve("data").resolve(relative).toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new IllegalStateException("screening benchmark: " + p + " not found. It reads the sanctions"
                    + " lists and cases of the shared data; run from the repository root with ../shared beside it,"
                    + " or pass -D" + PROPERTY + "=/path/to/shared (JMH: -jvmArgsAppend -D" + PROPERTY + "=...)");
        }
        return p;
    }
}
