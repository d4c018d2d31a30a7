package io.kycflow.common.document;

import java.time.Duration;

/**
 * The limits on a person's documents, the same at submission (a 400 naming the field) and in the worker
 * (which fetches URL documents and checks again what it received). Why these numbers: a proof of address or
 * an ID page is one to a few pages; a bill scanned at 300 dpi is about 2,500 x 3,500 pixels; anything much
 * larger is a mistake or an attack on the parser (a decompression bomb), not a document.
 */
public final class DocumentLimits {

    /** Largest document the worker fetches from a URL. Base64 documents are bounded by the 1 MiB request body first. */
    public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
    /** Documents in one list ({@code proof_of_address_documents}, a government ID's {@code documents}). */
    public static final int MAX_DOCUMENTS = 5;
    public static final int MAX_PDF_PAGES = 10;
    /** Pixels of one image (width x height): 40 megapixels, e.g. an A4 page at 600 dpi is 35. */
    public static final long MAX_IMAGE_PIXELS = 40_000_000L;
    public static final Duration FETCH_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The whole fetch, headers and body; a slow sender cannot hold a worker longer. */
    public static final Duration FETCH_TIMEOUT = Duration.ofSeconds(20);

    private DocumentLimits() {
    }
}
