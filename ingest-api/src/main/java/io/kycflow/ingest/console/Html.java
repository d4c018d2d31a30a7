package io.kycflow.ingest.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Output encoding for the console's server-rendered pages. Everything that comes from a client, a list file
 * or a check is hostile: it only ever reaches a page through {@link #text}, which escapes the five characters
 * that could end a text node or a quoted attribute, or {@link #query}, which percent-encodes a URL part.
 */
final class Html {

    private Html() {
    }

    /** Safe in element content and in a double- or single-quoted attribute value. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A query-string value or path segment, percent-encoded (then still passed through {@link #text} in an attribute). */
    static String query(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
