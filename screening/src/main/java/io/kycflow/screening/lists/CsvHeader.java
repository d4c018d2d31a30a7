package io.kycflow.screening.lists;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Column positions by header name, compared loosely (case, spaces and punctuation ignored) because
 * publishers rename columns slightly between releases ("D.O.B" / "DOB").
 */
final class CsvHeader {
    private final Map<String, Integer> index = new HashMap<>();
    private final int size;

    CsvHeader(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(key(header.get(i)), i);
        }
        size = header.size();
    }

    int size() {
        return size;
    }

    boolean has(String column) {
        return index.containsKey(key(column));
    }

    /** Column value stripped, or null when the column is missing or the cell is blank. */
    String get(List<String> row, String column) {
        Integer i = index.get(key(column));
        if (i == null || i >= row.size()) {
            return null;
        }
        String v = row.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    /** The first present value among alternative column names. */
    String first(List<String> row, String... columns) {
        for (String c : columns) {
            String v = get(row, c);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    static String key(String column) {
        return column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
