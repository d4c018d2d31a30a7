package io.kycflow.common.document;

import java.util.Base64;

/**
 * Decodes a {@code b64_document}: plain or MIME (line-broken) base64, or a data URL
 * ({@code data:application/pdf;base64,…}) as browsers produce it. One decoder for the API and the worker, so
 * what passed submission decodes the same way when the check runs.
 */
public final class Base64Document {

    private Base64Document() {
    }

    public static byte[] decode(String b64) throws DocumentRejectedException {
        String text = b64.strip();
        if (text.startsWith("data:") && text.contains(",")) {
            text = text.substring(text.indexOf(',') + 1);
        }
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new DocumentRejectedException("is not valid base64");
        }
    }
}
