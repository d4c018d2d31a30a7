package io.kycflow.common.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Checks a document's bytes against {@link DocumentLimits} without rendering it: the format by its leading
 * bytes, a PDF's page count and password, an image's dimensions from its header (before any pixel is
 * decoded, so a decompression bomb is refused cheaply). Used at submission and again by the worker on what a
 * URL returned.
 */
public final class DocumentInspector {

    private DocumentInspector() {
    }

    public static DocumentInspection inspect(byte[] bytes) throws DocumentRejectedException {
        if (bytes == null || bytes.length == 0) {
            throw new DocumentRejectedException("is empty");
        }
        if (bytes.length > DocumentLimits.MAX_DOCUMENT_BYTES) {
            throw new DocumentRejectedException("is " + bytes.length + " bytes; at most "
                    + DocumentLimits.MAX_DOCUMENT_BYTES + " are read");
        }
        DocumentFormat format = DocumentFormat.sniff(bytes).orElseThrow(() -> new DocumentRejectedException(
                "is not a PDF, PNG, JPEG or TIFF document (judged by its content, not its name)"));
        return format == DocumentFormat.PDF ? pdf(bytes) : image(format, bytes);
    }

    private static DocumentInspection pdf(byte[] bytes) throws DocumentRejectedException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new DocumentRejectedException("is a PDF without pages");
            }
            if (pages > DocumentLimits.MAX_PDF_PAGES) {
                throw new DocumentRejectedException("is a PDF of " + pages + " pages; at most "
                        + DocumentLimits.MAX_PDF_PAGES + " are read");
            }
            return new DocumentInspection(DocumentFormat.PDF, pages, 0, 0, bytes.length);
        } catch (InvalidPasswordException e) {
            throw new DocumentRejectedException("is a password-protected PDF; send it without a password");
        } catch (IOException | RuntimeException e) {
            // PDFBox answers some malformed files with runtime exceptions: a client's bytes, never a server fault.
            throw new DocumentRejectedException("is not a readable PDF (damaged or truncated)");
        }
    }

    private static DocumentInspection image(DocumentFormat format, byte[] bytes) throws DocumentRejectedException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DocumentRejectedException("is not a readable " + format + " image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new DocumentRejectedException("is an image without pixels");
                }
                if ((long) width * height > DocumentLimits.MAX_IMAGE_PIXELS) {
                    throw new DocumentRejectedException("is an image of " + width + " x " + height + " pixels; at most "
                            + DocumentLimits.MAX_IMAGE_PIXELS / 1_000_000 + " megapixels are read");
                }
                return new DocumentInspection(format, 1, width, height, bytes.length);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new DocumentRejectedException("is not a readable " + format + " image (damaged or truncated)");
        }
    }
}
