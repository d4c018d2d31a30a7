package io.kycflow.ingest.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flowing text on A4 pages with PDFBox: headings, wrapped paragraphs and key/value lines, a new page when one
 * is full, page numbers at the end. The standard fonts cover WinAnsi (Latin) only: accents outside it are
 * dropped (é → e) and any other character is written as {@code ?}, so a name in another script never breaks
 * the report (the job page and the API show it as it is).
 */
final class PdfPages implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Map<Character, Boolean> encodable = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    PdfPages() {
        newPage();
    }

    void title(String text) {
        write(text, bold, 16, 22);
    }

    void heading(String text) {
        space(8);
        write(text, bold, 12, 16);
    }

    void subheading(String text) {
        space(3);
        write(text, bold, 10, 14);
    }

    void paragraph(String text) {
        write(text, regular, 9, 12);
    }

    void field(String name, String value) {
        write(name + ": " + (value == null || value.isEmpty() ? "-" : value), regular, 9, 12);
    }

    void space(float points) {
        y -= points;
    }

    byte[] finish() {
        try {
            content.close();
            int total = document.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    footer.beginText();
                    footer.setFont(regular, 8);
                    footer.newLineAtOffset(MARGIN, 25);
                    footer.showText("kycflow case report - page " + (i + 1) + " of " + total);
                    footer.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String raw, PDType1Font font, float size, float leading) {
        try {
            for (String line : wrap(printable(raw, font), font, size)) {
                if (y - leading < MARGIN) {
                    newPage();
                }
                y -= leading;
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y);
                content.showText(line);
                content.endText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> wrap(String text, PDType1Font font, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= WIDTH) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // A single word wider than the page (a hash, a long id) is cut where it overflows.
                String rest = word;
                while (width(rest, font, size) > WIDTH) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), font, size) > WIDTH) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String text, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** What the font can write: accents stripped where that helps, other characters as {@code ?}. */
    private String printable(String raw, PDType1Font font) {
        String text = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append(c);
            } else if (c == '\t' || c == '\r') {
                out.append(' ');
            } else if (canEncode(c, font)) {
                out.append(c);
            } else {
                String plain = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                out.append(!plain.isEmpty() && canEncode(plain.charAt(0), font) ? plain.charAt(0) : '?');
            }
        }
        return out.toString();
    }

    private boolean canEncode(char c, PDType1Font font) {
        return encodable.computeIfAbsent(c, ch -> {
            if (Character.isISOControl(ch)) {
                return false;
            }
            try {
                font.encode(String.valueOf(ch));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
