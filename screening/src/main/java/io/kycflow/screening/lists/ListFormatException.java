package io.kycflow.screening.lists;

import java.nio.file.Path;

/**
 * A list file that does not follow its published layout. Names the file and line so that an operator can
 * find the problem; a list failing with this error is never put into service.
 */
public class ListFormatException extends Exception {
    private final Path file;
    private final long line;

    public ListFormatException(Path file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public ListFormatException(Path file, long line, String message, Throwable cause) {
        this(file, line, message);
        initCause(cause);
    }

    public Path file() {
        return file;
    }

    /** 1-based line number, or 0 when the problem is not tied to a line. */
    public long line() {
        return line;
    }
}
