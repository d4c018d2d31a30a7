package io.kycflow.screening.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads one URL into one file with a conditional GET. Redirects are followed here rather than by the
 * client so that each hop can be checked: only https targets are followed, since a list served over plain
 * http could have been altered on the way. Any status other than 200 or 304 is an error.
 */
final class FileFetcher {
    private final HttpClient client;
    private final DownloadSettings settings;

    FileFetcher(HttpClient client, DownloadSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /**
     * @param previous the stored state of the copy on disk, whose validators make the GET conditional; or null
     */
    FetchResult fetch(SourceFile source, FileState previous, Path target) throws IOException, InterruptedException {
        URI uri = source.url();
        for (int hop = 0; ; hop++) {
            HttpResponse<ReceivedFile> response = send(request(uri, previous), target);
            checkFinalUri(source, uri, response.uri());
            int status = response.statusCode();
            String etag = response.headers().firstValue("ETag").orElse(null);
            String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
            if (status == 200) {
                return new FetchResult(response.body(), etag, lastModified);
            }
            if (status == 304) {
                if (previous == null || !previous.hasValidators()) {
                    throw new IOException("304 Not Modified from " + source.display() + " to an unconditional request");
                }
                return new FetchResult(null, etag, lastModified);
            }
            if (isRedirect(status)) {
                if (hop >= settings.maxRedirects()) {
                    throw new IOException("more than " + settings.maxRedirects() + " redirects from " + source.display());
                }
                uri = redirectTarget(source, uri, response);
                continue;
            }
            throw new IOException("HTTP " + status + " from " + source.display());
        }
    }

    private HttpRequest request(URI uri, FileState previous) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(settings.responseTimeout())
                .header("User-Agent", "kycflow-list-downloader");
        if (previous != null && previous.etag() != null) {
            b.header("If-None-Match", previous.etag());
        }
        if (previous != null && previous.lastModified() != null) {
            b.header("If-Modified-Since", previous.lastModified());
        }
        return b.build();
    }

    /** The request timeout covers only the headers; the whole transfer has its own deadline. */
    private HttpResponse<ReceivedFile> send(HttpRequest request, Path target) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<ReceivedFile>> future =
                client.sendAsync(request, CappedFileBody.handler(target, settings.maxFileBytes()));
        try {
            return future.get(settings.transferTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException("transfer from " + request.uri().getHost() + " took over " + settings.transferTimeout());
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            // Connection errors often carry no message: name the host and the kind of failure.
            Throwable cause = e.getCause();
            String what = cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getClass().getSimpleName() + ": " + cause.getMessage();
            throw new IOException(request.uri().getHost() + ": " + what, cause);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI redirectTarget(SourceFile source, URI from, HttpResponse<?> response) throws IOException {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IOException("redirect without Location from " + source.display()));
        URI to;
        try {
            to = from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("unreadable redirect Location from " + source.display(), e);
        }
        if (!"https".equals(lower(to.getScheme()))) {
            throw new IOException("refused redirect from " + source.display() + " to a non-https URL ("
                    + lower(to.getScheme()) + "://" + to.getHost() + ")");
        }
        return to;
    }

    /** A caller-supplied client may follow redirects itself: its final hop must still be https. */
    private static void checkFinalUri(SourceFile source, URI requested, URI answered) throws IOException {
        if (answered != null && !answered.equals(requested) && !"https".equals(lower(answered.getScheme()))) {
            throw new IOException("the HTTP client followed a redirect from " + source.display() + " to a non-https URL");
        }
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
