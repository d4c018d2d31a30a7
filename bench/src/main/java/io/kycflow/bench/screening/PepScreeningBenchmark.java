package io.kycflow.bench.screening;

import io.kycflow.screening.load.ListPurpose;
import io.kycflow.screening.load.ListRegistry;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.Screener;
import io.kycflow.screening.match.ScreeningResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Speed of one PEP query (issue 11, "Figures"): the PEP screener over the US Congress and executive files of
 * shared/data/pep/us-congress, as the PEP check builds it ({@link ListRegistry} of purpose PEP). Queries: the
 * first 500 global negatives and every row of positives_us_congress_untreated.csv, shuffled with a fixed seed,
 * walked in order. Sample-time mode, single thread, so JMH reports the median and p99 per query.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests -pl bench -am package
 * java -cp "bench/target/kycflow-bench.jar:bench/target/lib/*" org.openjdk.jmh.Main PepScreeningBenchmark -f 1 -wi 2 -i 3 -t 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Threads(1)
public class PepScreeningBenchmark {

    private static final long SHUFFLE_SEED = 20240702L;

    private Screener screener;
    private Query[] queries;

    /** Each benchmark thread walks the query set in order, wrapping around. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        Query next(Query[] queries) {
            Query q = queries[next];
            next = next + 1 == queries.length ? 0 : next + 1;
            return q;
        }
    }

    @Setup(Level.Trial)
    public void load() throws IOException {
        List<Query> list = new ArrayList<>();
        for (Map<String, String> row : CaseCsv.read(SharedData.require(
                "screening-cases/opensanctions-yente/negatives_global.csv"), BenchmarkQueries.NEGATIVES)) {
            list.add(BenchmarkQueries.personQuery(row));
        }
        for (Map<String, String> row : CaseCsv.read(SharedData.require(
                "screening-cases/opensanctions-yente/positives_us_congress_untreated.csv"), Integer.MAX_VALUE)) {
            list.add(BenchmarkQueries.personQuery(row));
        }
        Collections.shuffle(list, new Random(SHUFFLE_SEED));
        queries = list.toArray(Query[]::new);
        long t0 = System.nanoTime();
        ListRegistry registry = new ListRegistry(ListPurpose.PEP);
        registry.refresh(SharedData.require("pep/us-congress"));
        screener = registry.current().orElseThrow().screener();
        System.out.printf(Locale.ROOT, "%n[pep] lists %s: %,d entities, %,d names, %,d index keys; %d queries; loaded and indexed in %.2f s%n",
                screener.lists().stream().map(l -> l.listId() + " " + l.version()).toList(), screener.entityCount(),
                screener.nameCount(), screener.indexKeyCount(), queries.length, (System.nanoTime() - t0) / 1e9);
    }

    @Benchmark
    public ScreeningResult pepQuery(Cursor cursor) {
        return screener.screen(cursor.next(queries));
    }
}
