package io.kycflow.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.json.Json;
import io.kycflow.screening.match.PairScore;
import io.kycflow.screening.match.PairScorer;
import io.kycflow.screening.match.Screener;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code kycflow screen-pairs}: scores name pairs with the library's pair scorer, one JSON line per row in
 * input order; {@code match} means PARTIAL or stronger. For measuring the name matcher on labelled pairs.
 */
@Command(name = "screen-pairs", mixinStandardHelpOptions = true,
        description = "Score pairs of names (columns name1, name2, optional schema) against each other.")
public final class ScreenPairsCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ScreenPairsCommand.class);

    @Option(names = "--input", required = true, paramLabel = "P.csv",
            description = "CSV with a header: name1 (the query side), name2 (the listed side), optionally schema.")
    private Path input;

    @Option(names = "--output", paramLabel = "R.jsonl", description = "Where to write the results (default: stdout).")
    private Path output;

    @Option(names = "--lists", paramLabel = "DIR",
            description = "Weigh name parts by their frequency in these lists (common names count less); "
                    + "default: every part alike.")
    private Path lists;

    @Override
    public Integer call() throws IOException {
        PairScorer scorer = lists == null ? new PairScorer() : Screener.load(lists).pairScorer();
        ObjectMapper json = Json.mapper();
        int rows = 0;
        int matches = 0;
        try (CSVParser csv = ScreenCommand.openCsv(input);
             Writer out = ScreenCommand.openOutput(output)) {
            if (!csv.getHeaderMap().containsKey("name1") || !csv.getHeaderMap().containsKey("name2")) {
                throw new IOException(input + ": the header needs name1 and name2 columns");
            }
            for (CSVRecord record : csv) {
                rows++;
                ObjectNode line = json.createObjectNode();
                line.put("row", rows);
                String schema = record.isMapped("schema") && record.isSet("schema") ? record.get("schema") : null;
                PairScore score = scorer.score(cell(record, "name1"), cell(record, "name2"), schema);
                line.put("score", Math.round(score.score() * 10_000) / 10_000.0);
                line.put("match", score.match());
                matches += score.match() ? 1 : 0;
                out.write(json.writeValueAsString(line));
                out.write('\n');
            }
        }
        log.info("scored {} pairs, {} matches", rows, matches);
        return 0;
    }

    private static String cell(CSVRecord record, String column) {
        return record.isSet(column) ? record.get(column) : "";
    }

}
