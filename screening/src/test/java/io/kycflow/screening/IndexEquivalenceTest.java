package io.kycflow.screening;

import io.kycflow.screening.match.Hit;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.Schema;
import io.kycflow.screening.match.Screener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index must find what a full scan finds: for every query, the PARTIAL-or-stronger hits of both are
 * the same entities. Queries: cases.csv query names, the UN positives, the first global negatives (500 by default, 2,000 on request).
 */
class IndexEquivalenceTest {
    /**
     * The full scan costs ~90 ms a query, so the default run checks the first 500 negatives to keep the
     * module's tests near two minutes; {@code -Dkycflow.equivalence.negatives=2000} runs the full sample.
     */
    static final int NEGATIVES = Integer.getInteger("kycflow.equivalence.negatives", 500);

    @Test
    void indexReturnsWhatFullScanReturns() throws Exception {
        Screener screener = RealLists.screener();
        List<Query> queries = new ArrayList<>();
        for (Map<String, String> row : CaseFiles.read(SharedData.require("screening-cases/opensanctions-nomenklatura/cases.csv"), Integer.MAX_VALUE)) {
            queries.add(Query.of(row.get("name1"), Schema.parse(row.get("schema"))));
        }
        for (Map<String, String> row : CaseFiles.read(SharedData.require("screening-cases/opensanctions-yente/positives_un_untreated.csv"), Integer.MAX_VALUE)) {
            queries.add(CaseFiles.personQuery(row));
        }
        for (Map<String, String> row : CaseFiles.read(SharedData.require("screening-cases/opensanctions-yente/negatives_global.csv"), NEGATIVES)) {
            queries.add(CaseFiles.personQuery(row));
        }
        List<String> differences = queries.parallelStream().map(q -> {
            Set<String> index = matches(screener.screen(q).hits());
            Set<String> full = matches(screener.screenFullScan(q).hits());
            return index.equals(full) ? null : q.name() + ": index " + index + " full scan " + full;
        }).filter(d -> d != null).toList();
        System.out.println(queries.size() + " queries, " + differences.size() + " differ");
        differences.forEach(System.out::println);
        assertTrue(differences.isEmpty(), differences.size() + " of " + queries.size() + " differ, e.g. "
                + differences.stream().limit(5).toList());
    }

    private static Set<String> matches(List<Hit> hits) {
        return hits.stream().filter(h -> h.rating().isMatch()).map(h -> h.listId() + ":" + h.entityId())
                .collect(Collectors.toSet());
    }
}
