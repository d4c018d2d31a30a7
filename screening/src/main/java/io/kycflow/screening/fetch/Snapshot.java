package io.kycflow.screening.fetch;

import java.nio.file.Path;

/** A snapshot folder the downloader made, with its manifest. */
record Snapshot(Path folder, SnapshotManifest manifest) {
}
