package io.kycflow.workers.checks.documents;

import io.kycflow.common.document.DocumentFormat;
import io.kycflow.common.document.DocumentInspection;
import io.kycflow.common.document.DocumentInspector;
import io.kycflow.common.document.DocumentRejectedException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a document's bytes into text: a PDF's text layer with PDFBox; an image, or a PDF without a text
 * layer (a scan saved as PDF), by OCR of each page rendered at {@value #SCAN_DPI} dpi. The limits of
 * {@link DocumentInspector} are checked first, on whatever the bytes came from.
 */
public final class DocumentReader {

    static final int SCAN_DPI = 300;

    private final DocumentFetcher fetcher;
    private final Ocr ocr;

    public DocumentReader(DocumentFetcher fetcher, Ocr ocr) {
        this.fetcher = fetcher;
        this.ocr = ocr;
    }

    /** The document's text read as free text. */
    public DocumentText read(SubmittedDocument document) throws DocumentRejectedException, IOException {
        return read(document, Ocr.Mode.DOCUMENT);
    }

    public DocumentText read(SubmittedDocument document, Ocr.Mode mode) throws DocumentRejectedException, IOException {
        byte[] bytes = fetcher.bytes(document);
        DocumentInspection inspection = DocumentInspector.inspect(bytes);
        if (inspection.format() == DocumentFormat.PDF) {
            try {
                return pdf(bytes, mode);
            } catch (RuntimeException e) {
                // A damaged file can make PDFBox throw anything: the document is unreadable, not the check broken.
                throw new DocumentRejectedException("is a PDF that could not be read (damaged)");
            }
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            throw new DocumentRejectedException("is not a readable " + inspection.format() + " image");
        }
        return new DocumentText(ocr(image, mode), "ocr", 1);
    }

    private DocumentText pdf(byte[] bytes, Ocr.Mode mode) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            DocumentText layer = new DocumentText(text, "pdf_text", pdf.getNumberOfPages());
            if (layer.readable() && mode == Ocr.Mode.DOCUMENT) {
                return layer;
            }
            if (layer.readable() && mode == Ocr.Mode.MRZ && text.contains("<<")) {
                return layer;
            }
            PDFRenderer renderer = new PDFRenderer(pdf);
            List<String> pages = new ArrayList<>();
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                pages.add(ocr(renderer.renderImageWithDPI(page, SCAN_DPI, ImageType.GRAY), mode));
            }
            return new DocumentText(String.join("\n", pages), "pdf_ocr", pdf.getNumberOfPages());
        }
    }

    private String ocr(BufferedImage image, Ocr.Mode mode) throws IOException {
        if (!ocr.available()) {
            throw new OcrUnavailableException();
        }
        return ocr.read(image, mode);
    }

    /** The document needs OCR and no OCR engine is installed here: the check cannot answer (error, not a verdict). */
    public static final class OcrUnavailableException extends IOException {
        public OcrUnavailableException() {
            super("OCR is not available on this worker (install tesseract-ocr and tesseract-ocr-eng)");
        }
    }
}
