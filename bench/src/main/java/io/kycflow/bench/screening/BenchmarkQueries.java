package io.kycflow.bench.screening;

import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.Schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The fixed query set: the first 500 global negatives (people who should match nothing) and every UN
 * positive (people who should), shuffled with a fixed seed so that the slice a slow full scan reaches in
 * its measured time is as mixed as the whole set.
 */
final class BenchmarkQueries {
    static final int NEGATIVES = 500;
    private static final long SHUFFLE_SEED = 20240702L;

    private BenchmarkQueries() {
    }

    static Query[] load() throws IOException {
        List<Query> queries = new ArrayList<>();
        for (Map<String, String> row : CaseCsv.read(
                SharedData.require("screening-cases/opensanctions-yente/negatives_global.csv"), NEGATIVES)) {
            queries.add(personQuery(row));
        }
        for (Map<String, String> row : CaseCsv.read(
                SharedData.require("screening-cases/opensanctions-yente/positives_un_untreated.csv"), Integer.MAX_VALUE)) {
            queries.add(personQuery(row));
        }
        Collections.shuffle(queries, new Random(SHUFFLE_SEED));
        return queries.toArray(Query[]::new);
    }

    /** As the evaluation reads a yente row: full name and parts, date of birth, nationality, gender. */
    static Query personQuery(Map<String, String> row) {
        return new Query(blankToNull(row.get("full_name")), blankToNull(row.get("first_name")),
                blankToNull(row.get("middle_name")), blankToNull(row.get("last_name")),
                blankToNull(row.get("date_of_birth")), blankToNull(row.get("nationality")),
                blankToNull(row.get("gender")), Schema.PERSON);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
