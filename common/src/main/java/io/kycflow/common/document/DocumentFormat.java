package io.kycflow.common.document;

import java.util.Optional;

/**
 * The document formats kycflow reads, recognised by their leading bytes (never by a file name or a
 * declared content type, which a client controls): PDF, and the images Tesseract and the JDK both read.
 */
public enum DocumentFormat {
    PDF("application/pdf"),
    PNG("image/png"),
    JPEG("image/jpeg"),
    TIFF("image/tiff");

    private final String mediaType;

    DocumentFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public boolean isImage() {
        return this != PDF;
    }

    /** The format the bytes start like, or empty for anything else (HTML, Word, a zip…). */
    public static Optional<DocumentFormat> sniff(byte[] bytes) {
        if (startsWith(bytes, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0xff, 0xd8, 0xff)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 'I', 'I', 42, 0) || startsWith(bytes, 'M', 'M', 0, 42)) {
            return Optional.of(TIFF);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes == null || bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
