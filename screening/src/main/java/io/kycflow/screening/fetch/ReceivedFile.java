package io.kycflow.screening.fetch;

import java.nio.file.Path;

/** A response body written to disk, with its size and SHA-256 computed while it streamed in. */
record ReceivedFile(Path file, long bytes, String sha256) {
}
