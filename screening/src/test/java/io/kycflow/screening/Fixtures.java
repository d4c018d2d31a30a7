package io.kycflow.screening;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the small hand-written list files under src/test/resources/fixtures. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path dir() {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path file(String relative) {
        return dir().resolve(relative);
    }
}
