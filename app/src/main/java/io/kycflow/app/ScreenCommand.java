package io.kycflow.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.json.Json;
import io.kycflow.screening.load.ListInfo;
import io.kycflow.screening.load.ListLoader;
import io.kycflow.screening.load.ListPurpose;
import io.kycflow.screening.load.LoadReport;
import io.kycflow.screening.load.LoadedList;
import io.kycflow.screening.match.Hit;
import io.kycflow.screening.match.HitJson;
import io.kycflow.screening.match.MatchTuning;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.RatingThresholds;
import io.kycflow.screening.match.Schema;
import io.kycflow.screening.match.Screener;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code kycflow screen}: screens every row of a CSV of people or organisations against the lists under a
 * directory and writes one JSON line per row, in input order, with its hits best first. For batch screening
 * and for the benchmark in docs/screening.md; logs go to stderr, results to the output file or stdout.
 */
@Command(name = "screen", mixinStandardHelpOptions = true,
        description = "Screen the names of a CSV file against the sanctions (or, with --purpose pep, PEP) lists in a directory.")
public final class ScreenCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ScreenCommand.class);
    /** Query columns echoed back on each line, in this order; any other column is ignored. */
    private static final List<String> QUERY_COLUMNS = List.of("full_name", "first_name", "middle_name", "last_name",
            "date_of_birth", "nationality", "gender", "schema");

    @Option(names = "--lists", required = true, paramLabel = "DIR",
            description = "Directory of list files; each sub-folder holds one snapshot of one list.")
    private Path lists;

    @Option(names = "--input", required = true, paramLabel = "Q.csv",
            description = "CSV with a header: full_name and/or first_name, middle_name, last_name; optionally "
                    + "date_of_birth (yyyy or yyyy-mm-dd), nationality (ISO code or country name), gender, schema.")
    private Path input;

    @Option(names = "--output", paramLabel = "R.jsonl", description = "Where to write the results (default: stdout).")
    private Path output;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + Screener.DEFAULT_MAX_HITS,
            description = "Hits per row at most (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--schema", paramLabel = "KIND", defaultValue = "any",
            description = "What the rows describe when they have no schema column: person, organisation, vessel, "
                    + "aircraft or any (person or organisation; default).")
    private String schema;

    @Option(names = "--purpose", paramLabel = "sanctions|pep", defaultValue = "sanctions",
            description = "Which entities of the lists to screen against: sanctions (default) or pep (the PEP lists "
                    + "and the FtM entities with the topics role.pep / role.rca).")
    private String purpose;

    @Option(names = "--explain", description = "Add each hit's explanation (alias, aligned parts, evidence).")
    private boolean explain;

    @Override
    public Integer call() throws IOException {
        if (limit < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--limit must be at least 1");
        }
        Screener screener = load();
        Schema defaultSchema = Schema.parse(schema);
        ObjectMapper json = Json.mapper();
        long started = System.nanoTime();
        int rows = 0;
        int rowsWithHits = 0;
        try (CSVParser csv = openCsv(input);
             Writer out = openOutput(output)) {
            for (CSVRecord record : csv) {
                rows++;
                ObjectNode line = json.createObjectNode();
                line.put("row", rows);
                ObjectNode query = line.putObject("query");
                QUERY_COLUMNS.forEach(c -> put(query, c, value(record, c)));
                ArrayNode hits = line.putArray("hits");
                try {
                    for (Hit hit : screener.screen(query(record, defaultSchema)).hits()) {
                        hits.add(HitJson.of(hit, explain));
                    }
                } catch (IllegalArgumentException e) {
                    // A row without a name still gets its line, so output lines stay aligned with input rows.
                    line.put("error", e.getMessage());
                }
                rowsWithHits += hits.isEmpty() ? 0 : 1;
                out.write(json.writeValueAsString(line));
                out.write('\n');
                if (rows % 10_000 == 0) {
                    log.info("{} rows screened", rows);
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("screened {} rows in {} s ({} rows/s); {} rows with at least one hit", rows,
                String.format("%.1f", seconds), String.format("%.0f", rows / Math.max(seconds, 1e-9)), rowsWithHits);
        return 0;
    }

    private Screener load() throws IOException {
        ListPurpose listPurpose;
        try {
            listPurpose = ListPurpose.valueOf(purpose.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--purpose must be sanctions or pep");
        }
        long started = System.nanoTime();
        LoadReport report = new ListLoader().load(lists);
        report.problems().forEach(p -> log.error("list not loaded: {}", p));
        report.skipped().forEach(s -> log.debug("skipped: {}", s));
        List<LoadedList> selected = report.loaded().stream().flatMap(l -> listPurpose.select(l).stream()).toList();
        if (selected.isEmpty()) {
            throw new IOException("no " + purpose + " list could be loaded from " + lists);
        }
        Screener screener = Screener.of(selected, MatchTuning.DEFAULT, RatingThresholds.DEFAULT, limit);
        for (ListInfo l : screener.lists()) {
            log.info("list {} version {}: {} records, sha256 {}", l.listId(), l.version(), l.recordCount(), l.sha256());
        }
        log.info("{} entities, {} names indexed in {} ms", screener.entityCount(), screener.nameCount(),
                (System.nanoTime() - started) / 1_000_000);
        return screener;
    }

    private static Query query(CSVRecord record, Schema defaultSchema) {
        String rowSchema = value(record, "schema");
        return new Query(value(record, "full_name"), value(record, "first_name"), value(record, "middle_name"),
                value(record, "last_name"), value(record, "date_of_birth"), value(record, "nationality"),
                value(record, "gender"), rowSchema == null ? defaultSchema : Schema.parse(rowSchema));
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** The column's value, or null when the column is absent or the cell blank. */
    private static String value(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String v = record.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A header-keyed CSV reader; spreadsheets often save a byte-order mark, which would hide the first column. */
    static CSVParser openCsv(Path file) throws IOException {
        Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get(),
                StandardCharsets.UTF_8);
        return CSVParser.builder().setReader(reader)
                .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get())
                .get();
    }

    /** The output file, or stdout (left open: it is not ours to close). */
    static Writer openOutput(Path file) throws IOException {
        OutputStream stream = file == null ? new FileOutputStream(java.io.FileDescriptor.out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        } : Files.newOutputStream(file);
        return new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

}
