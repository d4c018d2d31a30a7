package io.kycflow.workers.checks.documents;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Real documents made by the tests: PDFs written by PDFBox (a text layer, as a biller's system makes them)
 * and images drawn with Java2D (what a phone scan of a bill or an ID page gives OCR).
 */
public final class DocumentFixtures {

    private DocumentFixtures() {
    }

    /** The lines of a utility bill for the given person, address lines and date text. */
    public static List<String> utilityBill(String name, String street, String city, String postcode, String date) {
        return List.of("Northgrid Energy plc", "Electricity Bill", "Bill date: " + date, "", name, street, city,
                postcode, "", "Account number 4471 2209", "Meter reading 30512 kWh", "Standing charge 0.53 GBP per day",
                "Amount due 84.20 GBP");
    }

    public static byte[] pdf(List<String> lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.setLeading(16);
                content.newLineAtOffset(60, 780);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF of {@code pages} empty pages (for the page limit). */
    public static byte[] pdfPages(int pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines drawn black on white, as a clean scan at about 200 dpi. */
    public static byte[] png(List<String> lines, String fontName, int size) {
        int width = 1700;
        int lineHeight = (int) (size * 1.6);
        int height = Math.max(400, 120 + lines.size() * lineHeight);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(fontName, Font.PLAIN, size));
        int y = 80;
        for (String line : lines) {
            g.drawString(line, 80, y);
            y += lineHeight;
        }
        g.dispose();
        return encode(image);
    }

    /** An unreadable scan: grey noise with no text in it. */
    public static byte[] noise() {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int x = 0; x < 800; x++) {
            for (int y = 0; y < 600; y++) {
                int v = 100 + random.nextInt(60);
                image.setRGB(x, y, new Color(v, v, v).getRGB());
            }
        }
        return encode(image);
    }

    public static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] encode(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
