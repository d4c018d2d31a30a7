package io.kycflow.screening;

import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.Schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the evaluation CSVs of ../shared/data/screening-cases (test code only: production reads no cases). */
public final class CaseFiles {
    private CaseFiles() {
    }

    /** Rows as header-keyed maps. */
    public static List<Map<String, String>> read(Path file, int limit) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length() && rows.size() <= limit; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        List<String> header = rows.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            if (out.size() >= limit) {
                break;
            }
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), i < r.size() ? r.get(i) : "");
            }
            out.add(m);
        }
        return out;
    }

    /** A yente fixture row (full_name, first/middle/last, date_of_birth, nationality, gender) as a person query. */
    public static Query personQuery(Map<String, String> row) {
        return new Query(blankToNull(row.get("full_name")), blankToNull(row.get("first_name")),
                blankToNull(row.get("middle_name")), blankToNull(row.get("last_name")),
                blankToNull(row.get("date_of_birth")), blankToNull(row.get("nationality")),
                blankToNull(row.get("gender")), Schema.PERSON);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
