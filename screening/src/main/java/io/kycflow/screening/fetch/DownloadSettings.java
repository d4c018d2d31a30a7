package io.kycflow.screening.fetch;

import java.time.Duration;

/**
 * Limits and retention of the downloader.
 *
 * @param responseTimeout time allowed until a response's headers arrive
 * @param transferTimeout time allowed for one whole file, body included (a trickling server must not hold
 *                        the refresh thread forever)
 * @param maxFileBytes    a file larger than this is refused (the largest list, UK FCDO, is tens of MB)
 * @param maxRedirects    redirects followed per file (OFAC's service redirects once, to storage)
 * @param keepSnapshots   downloaded snapshots kept per list, newest first; older ones are deleted
 * @param minRecordRatio  a download with fewer records than this share of the previous snapshot's is refused
 *                        as probably partial: a CSV cut at a line end still parses
 */
public record DownloadSettings(Duration responseTimeout, Duration transferTimeout, long maxFileBytes,
                               int maxRedirects, int keepSnapshots, double minRecordRatio) {

    public static final DownloadSettings DEFAULTS = new DownloadSettings(
            Duration.ofSeconds(30), Duration.ofMinutes(10), 512L * 1024 * 1024, 5, 3, 0.5);

    public DownloadSettings {
        if (!responseTimeout.isPositive() || !transferTimeout.isPositive()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxFileBytes <= 0 || maxRedirects < 0 || keepSnapshots < 1) {
            throw new IllegalArgumentException("need maxFileBytes > 0, maxRedirects >= 0, keepSnapshots >= 1");
        }
        if (minRecordRatio < 0 || minRecordRatio > 1) {
            throw new IllegalArgumentException("minRecordRatio must be within 0..1");
        }
    }
}
