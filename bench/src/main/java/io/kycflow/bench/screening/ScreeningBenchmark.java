package io.kycflow.bench.screening;

import io.kycflow.screening.load.ListLoader;
import io.kycflow.screening.load.LoadReport;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Screening speed with the four evaluation lists loaded (issue 4, "Figures"): {@link Screener#screen}
 * (candidates from the index) beside {@link Screener#screenFullScan} (every name scored) in one run, single
 * thread. Sample-time mode records every call, so JMH reports the median and p99 per query; queries/s is
 * the inverse of the mean. Setup also prints the load time and the heap the lists and index retain.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests -pl bench -am package
 * java -cp "bench/target/kycflow-bench.jar:bench/target/lib/*" org.openjdk.jmh.Main ScreeningBenchmark -f 1 -wi 2 -i 3 -t 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Threads(1)
public class ScreeningBenchmark {

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
        queries = BenchmarkQueries.load();
        try (BenchmarkLists lists = BenchmarkLists.link()) {
            long heapBefore = HeapUse.afterGc();
            long t0 = System.nanoTime();
            LoadReport report = new ListLoader().load(lists.dir());
            long t1 = System.nanoTime();
            long heapLists = HeapUse.afterGc();
            long t2 = System.nanoTime();
            screener = Screener.of(report.loaded());
            long t3 = System.nanoTime();
            report = null; // the screener keeps what it needs; what it retains is measured below
            long heapScreener = HeapUse.afterGc();
            System.out.printf(Locale.ROOT, "%n[screening] lists %s: %,d entities, %,d names, %,d index keys; %d queries%n",
                    screener.lists().stream().map(l -> l.listId() + " " + l.version()).toList(),
                    screener.entityCount(), screener.nameCount(), screener.indexKeyCount(), queries.length);
            System.out.printf(Locale.ROOT, "[screening] load: parse %.2f s, index build %.2f s; heap retained: "
                            + "parsed lists %.0f MiB, screener (lists + index) %.0f MiB%n",
                    (t1 - t0) / 1e9, (t3 - t2) / 1e9, (heapLists - heapBefore) / 1048576.0,
                    (heapScreener - heapBefore) / 1048576.0);
        }
    }

    @TearDown(Level.Trial)
    public void release() {
        screener = null;
    }

    @Benchmark
    public ScreeningResult index(Cursor cursor) {
        return screener.screen(cursor.next(queries));
    }

    @Benchmark
    public ScreeningResult fullScan(Cursor cursor) {
        return screener.screenFullScan(cursor.next(queries));
    }
}
