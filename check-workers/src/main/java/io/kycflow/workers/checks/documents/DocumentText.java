package io.kycflow.workers.checks.documents;

import java.util.Arrays;
import java.util.List;

/**
 * The text read from one document, and how it was read: {@code pdf_text} (the PDF's own text layer),
 * {@code ocr} (an image), {@code pdf_ocr} (a scanned PDF: its pages rendered and read by OCR).
 */
public record DocumentText(String text, String source, int pages) {

    /** A scan is unreadable when OCR finds fewer letters than a name and an address need. */
    static final int MIN_LETTERS = 20;

    public List<String> lines() {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    public boolean readable() {
        return text.chars().filter(Character::isLetter).count() >= MIN_LETTERS;
    }
}
