package io.kycflow.workers.checks.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** Reads the text of an image: the seam between the checks and the OCR engine. */
public interface Ocr {

    /** How the text is read: free text (a bill), or the machine-readable zone's alphabet only (an ID page). */
    enum Mode { DOCUMENT, MRZ }

    /** The text found, possibly empty (an unreadable scan); throws when the engine itself failed or timed out. */
    String read(BufferedImage image, Mode mode) throws IOException;

    /** Whether the engine can run here; a check that needs it answers {@code error} (not "passed") when not. */
    boolean available();
}
