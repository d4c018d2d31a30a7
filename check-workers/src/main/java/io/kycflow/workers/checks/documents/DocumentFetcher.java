package io.kycflow.workers.checks.documents;

import io.kycflow.common.document.Base64Document;
import io.kycflow.common.document.DocumentLimits;
import io.kycflow.common.document.DocumentRejectedException;
import io.kycflow.common.net.OutboundUrlGuard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The bytes of a submitted document: its base64 decoded, or its URL fetched. A URL is judged by the
 * {@link OutboundUrlGuard} again here (it was at submission; a name may resolve elsewhere since), and
 * fetched without following redirects (a redirect could lead past the guard), within
 * {@link DocumentLimits#FETCH_TIMEOUT}, reading at most {@link DocumentLimits#MAX_DOCUMENT_BYTES}.
 *
 * <p>What is wrong with the document (refused URL, 404, too large) is a {@link DocumentRejectedException}:
 * the document is invalid, the check still answers. A network failure is an {@link IOException}: the check
 * cannot answer now.
 */
public final class DocumentFetcher {

    private final HttpClient http;
    private final OutboundUrlGuard guard;

    public DocumentFetcher(HttpClient http, OutboundUrlGuard guard) {
        this.http = http;
        this.guard = guard;
    }

    public static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(DocumentLimits.FETCH_CONNECT_TIMEOUT)
                .build();
    }

    public byte[] bytes(SubmittedDocument document) throws DocumentRejectedException, IOException {
        if (document.b64Document() != null) {
            return Base64Document.decode(document.b64Document());
        }
        if (document.url() != null) {
            return fetch(document.url());
        }
        throw new DocumentRejectedException("has neither url nor b64_document");
    }

    private byte[] fetch(String url) throws DocumentRejectedException, IOException {
        OutboundUrlGuard.Verdict verdict = guard.check(url);
        if (verdict.unresolved()) {
            throw new IOException("the document's host does not resolve now");
        }
        if (!verdict.allowed()) {
            throw new DocumentRejectedException("url is not a URL kycflow may fetch: " + verdict.reason());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.strip()))
                .timeout(DocumentLimits.FETCH_TIMEOUT)
                .header("Accept", "application/pdf, image/png, image/jpeg, image/tiff")
                .GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching a document", e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                throw new DocumentRejectedException("url answered with a redirect (" + status
                        + "); give the document's final URL, redirects are not followed");
            }
            if (status >= 500) {
                throw new IOException("the document's server answered " + status);
            }
            if (status != 200) {
                throw new DocumentRejectedException("url answered HTTP " + status);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > DocumentLimits.MAX_DOCUMENT_BYTES) {
                throw tooLarge();
            }
            return readCapped(body);
        }
    }

    private static byte[] readCapped(InputStream body) throws IOException, DocumentRejectedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = body.read(buffer)) >= 0) {
            if (out.size() + n > DocumentLimits.MAX_DOCUMENT_BYTES) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static DocumentRejectedException tooLarge() {
        return new DocumentRejectedException("url returned more than " + DocumentLimits.MAX_DOCUMENT_BYTES
                + " bytes; larger documents are not read");
    }
}
