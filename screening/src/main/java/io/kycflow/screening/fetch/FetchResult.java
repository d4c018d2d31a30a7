package io.kycflow.screening.fetch;

/**
 * Outcome of one conditional GET.
 *
 * @param received the body on disk, or null when the server answered 304 Not Modified
 * @param etag     validators the server sent (on 200, or refreshed on 304), else null
 */
record FetchResult(ReceivedFile received, String etag, String lastModified) {

    boolean notModified() {
        return received == null;
    }
}
