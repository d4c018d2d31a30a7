package io.kycflow.screening.lists;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a list file by its first bytes and rows, never by its name: downloads get renamed
 * ("data.csv", "UN_consolidated.xml") and the loader must still put each file in the right place.
 */
public final class ListFileSniffer {
    private static final int PREFIX_BYTES = 64 * 1024;
    private static final int SAMPLE_ROWS = 200;
    /** Programmes that only appear on OFAC's consolidated (non-SDN) list. */
    private static final Set<String> NON_SDN_PROGRAMMES = Set.of("NS-PLC", "CMIC-EO13959", "UKRAINE-EO13662",
            "NS-ISA", "NS-MBS", "FSE-IR", "FSE-SY", "561-RELATED", "SSI");

    private ListFileSniffer() {
    }

    public static Optional<FileFormat> sniff(Path file) throws IOException {
        byte[] prefix;
        try (InputStream in = Files.newInputStream(file)) {
            prefix = in.readNBytes(PREFIX_BYTES);
        }
        String text = new String(prefix, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String head = text.stripLeading();
        if (head.startsWith("<")) {
            return head.contains("<CONSOLIDATED_LIST") ? Optional.of(FileFormat.UN_XML) : Optional.empty();
        }
        if (head.isEmpty() || text.indexOf('\0') >= 0) {
            return Optional.empty(); // binary (xlsx, zip) or empty
        }
        if (head.startsWith("{")) {
            return ftmFormat(head);
        }
        String yaml = head.replaceFirst("^(?:(?:#[^\n]*|---[ \t]*)\r?\n\s*)+", "");
        if (yaml.startsWith("- id:") && yaml.contains("bioguide:") && yaml.contains("terms:")) {
            // unitedstates/congress-legislators: the executive file's terms are presidencies.
            return Optional.of(yaml.contains("type: prez") || yaml.contains("type: viceprez")
                    ? FileFormat.US_EXECUTIVE_YAML : FileFormat.US_LEGISLATORS_YAML);
        }
        List<List<String>> rows = sampleRows(file, prefix);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < Math.min(3, rows.size()); i++) {
            CsvHeader header = new CsvHeader(rows.get(i));
            if (header.has("Group ID") && header.has("Name 6") && header.has("Alias Type")) {
                return Optional.of(FileFormat.UK_OFSI_CSV);
            }
            if (header.has("Unique ID") && header.has("Name 6")) {
                return Optional.of(FileFormat.UK_FCDO_CSV);
            }
        }
        String firstLine = head.lines().findFirst().orElse("");
        if (firstLine.contains(";") && firstLine.contains("Entity_LogicalId")) {
            return Optional.of(FileFormat.EU_FSF_CSV);
        }
        return ofacFormat(rows);
    }

    /** FtM JSON: entities one a line, delta operations one a line, or a dataset's delta index. */
    private static Optional<FileFormat> ftmFormat(String head) {
        String firstLine = head.lines().findFirst().orElse("");
        if (firstLine.contains("\"op\"") && firstLine.contains("\"entity\"")) {
            return Optional.of(FileFormat.FTM_DELTA);
        }
        if (firstLine.contains("\"schema\"") && firstLine.contains("\"properties\"")) {
            return Optional.of(FileFormat.FTM_ENTITIES);
        }
        if (head.contains("\"versions\"")) {
            return Optional.of(FileFormat.FTM_DELTA_INDEX);
        }
        return Optional.empty();
    }

    private static Optional<FileFormat> ofacFormat(List<List<String>> rows) {
        // Decided on the first row, which must start with a numeric ent_num: a later malformed row is the
        // parser's to report (with its line), not a reason to ignore the file.
        List<String> first = rows.get(0);
        int columns = first.size();
        if (first.get(0).isBlank() || !first.get(0).strip().chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        rows = rows.stream().filter(r -> r.size() == columns).toList();
        return switch (columns) {
            case OfacCsvParser.PRIMARY_COLUMNS -> Optional.of(isConsolidated(rows)
                    ? FileFormat.OFAC_CONSOLIDATED_PRIMARY : FileFormat.OFAC_SDN_PRIMARY);
            case OfacCsvParser.ADDRESS_COLUMNS -> Optional.of(FileFormat.OFAC_ADDRESSES);
            case OfacCsvParser.ALIAS_COLUMNS -> rows.stream().allMatch(r -> r.get(2).strip().matches("(?i)aka|fka|nka|-0-"))
                    ? Optional.of(FileFormat.OFAC_ALIASES) : Optional.empty();
            case OfacCsvParser.COMMENT_COLUMNS -> Optional.of(FileFormat.OFAC_COMMENTS);
            default -> Optional.empty();
        };
    }

    /** The consolidated list is the one whose entries carry non-SDN programmes (most of its rows do). */
    private static boolean isConsolidated(List<List<String>> rows) {
        int nonSdn = 0;
        for (List<String> row : rows) {
            String programmes = row.get(3).toUpperCase(Locale.ROOT);
            for (String p : programmes.split("\\]\\s*\\[")) {
                String clean = p.replace("[", "").replace("]", "").strip();
                if (NON_SDN_PROGRAMMES.contains(clean) || clean.startsWith("FSE-")) {
                    nonSdn++;
                    break;
                }
            }
        }
        return nonSdn * 2 > rows.size();
    }

    private static List<List<String>> sampleRows(Path file, byte[] prefix) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        char delimiter = ',';
        try (CsvReader csv = new CsvReader(file, new ByteArrayInputStream(prefix), delimiter)) {
            List<String> row;
            while (rows.size() < SAMPLE_ROWS && (row = csv.next()) != null) {
                rows.add(row);
            }
        } catch (ListFormatException e) {
            // the prefix may cut a quoted field in half: the rows read so far are enough
        }
        if (prefix.length == PREFIX_BYTES && rows.size() > 1) {
            rows.remove(rows.size() - 1); // probably cut by the prefix
        }
        return rows;
    }
}
