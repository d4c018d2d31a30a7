package io.kycflow.screening.fetch;

/**
 * What is known about one downloaded file: where it came from, the validators the server gave for it (for
 * the next conditional GET) and its hash (to see that a re-sent file did not change).
 *
 * @param etag         the ETag header, or null
 * @param lastModified the Last-Modified header as sent, or null
 */
public record FileState(String url, String etag, String lastModified, String sha256) {

    boolean hasValidators() {
        return etag != null || lastModified != null;
    }
}
