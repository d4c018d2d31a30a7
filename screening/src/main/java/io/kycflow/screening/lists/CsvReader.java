package io.kycflow.screening.lists;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader (quoted fields, doubled quotes, newlines inside quotes) that knows the line
 * each record starts on, so that format errors can name it. Written here rather than taken from a library
 * because OFAC files need two quirks handled at this level: a trailing 0x1A byte and a leading BOM.
 */
final class CsvReader implements Closeable {
    private static final char SUB = 0x1A;

    private final Path file;
    private final BufferedReader in;
    private final char delimiter;
    private long line = 1;
    private long recordLine;
    private boolean eof;

    CsvReader(Path file, char delimiter) throws IOException {
        this(file, Files.newInputStream(file), delimiter);
    }

    CsvReader(Path file, InputStream stream, char delimiter) {
        this.file = file;
        this.in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
        this.delimiter = delimiter;
    }

    Path file() {
        return file;
    }

    /** Line on which the last record returned by {@link #next()} started. */
    long recordLine() {
        return recordLine;
    }

    /** The next record, or null at the end. Blank lines and a lone end-of-file 0x1A are skipped. */
    List<String> next() throws IOException, ListFormatException {
        while (!eof) {
            recordLine = line;
            List<String> fields = readRecord();
            if (fields == null) {
                return null;
            }
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue;
            }
            return fields;
        }
        return null;
    }

    private List<String> readRecord() throws IOException, ListFormatException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        boolean any = false;
        int c;
        while (true) {
            c = in.read();
            if (c == -1) {
                eof = true;
                if (quoted) {
                    throw new ListFormatException(file, recordLine, "unterminated quoted field");
                }
                if (!any) {
                    return null;
                }
                fields.add(field.toString());
                return fields;
            }
            any = true;
            char ch = (char) c;
            if (ch == '\uFEFF' && line == 1 && fields.isEmpty() && field.isEmpty()) {
                continue;
            }
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int n = in.read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (n != -1) {
                            in.reset();
                        }
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
                continue;
            }
            if (ch == '"' && (field.isEmpty() || field.toString().isBlank()) && !fieldWasQuoted) {
                field.setLength(0);
                quoted = true;
                fieldWasQuoted = true;
            } else if (ch == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (ch == '\r') {
                // part of CRLF; a bare CR is treated the same way
            } else if (ch == '\n') {
                line++;
                fields.add(field.toString());
                return fields;
            } else if (ch == SUB) {
                // OFAC ends its files with an MS-DOS end-of-file byte after the last CRLF.
            } else {
                field.append(ch);
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
