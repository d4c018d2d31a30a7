package io.kycflow.bench.screening;

import io.kycflow.screening.load.ListLoader;
import io.kycflow.screening.load.LoadedList;
import io.kycflow.screening.match.Screener;
import io.kycflow.screening.model.SanctionedEntity;
import io.kycflow.screening.monitor.ChangeOnlyScreening;
import io.kycflow.screening.monitor.FullRescreen;
import io.kycflow.screening.monitor.ListChange;
import io.kycflow.screening.monitor.MonitoredSubject;
import io.kycflow.screening.monitor.MonitoringMatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Ongoing monitoring at scale (issue 12, point 4): a population of {@link #subjects} synthetic monitored
 * people ({@link SyntheticPopulation}, fixed seed) against a day's change of the OFAC SDN list: 100 entries,
 * 70 added and 30 modified, taken evenly from the real change 2021-06-29 to 2024-07-02. The screener is
 * the 2024-07-02 SDN list's (15,443 entries), single thread throughout. Single-shot timing: each
 * iteration is one whole operation.
 *
 * <ul>
 *   <li>{@code buildIndex}: the subject index over the whole population, from nothing;</li>
 *   <li>{@code changeOnly}: the alerts for the change, on the index built in setup;</li>
 *   <li>{@code changeOnlySynced}: the same through {@code screen(population, …)}, which first checks
 *       the index against the population (the service's call);</li>
 *   <li>{@code fullRescreenSample}: {@link FullRescreen} of the first {@link #fullSample} subjects (a full
 *       re-screen of a million takes too long to repeat; it grows linearly with the population).</li>
 * </ul>
 * Setup prints the index's heap (used heap after full GC, before and after building it, the population
 * already held) and its postings.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests -pl bench -am package
 * java -cp "bench/target/kycflow-bench.jar:bench/target/lib/*" org.openjdk.jmh.Main MonitoringBenchmark -f 1 -wi 1 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Threads(1)
public class MonitoringBenchmark {
    static final long SEED = 20261206L;
    static final int ADDED = 70;
    static final int MODIFIED = 30;

    @Param("1000000")
    public int subjects;

    @Param("20000")
    public int fullSample;

    private List<MonitoredSubject> population;
    private List<MonitoredSubject> sample;
    private ListChange change;
    private Screener current;
    private ChangeOnlyScreening indexed;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        LoadedList older = only(SharedData.require("sanctions/ofac_sdn/2021-06-29"));
        LoadedList newer = only(SharedData.require("sanctions/ofac_sdn/2024-07-02"));
        ListChange whole = ListChange.between(older, newer);
        change = new ListChange(whole.before(), whole.after(), evenly(whole.added(), ADDED),
                evenly(whole.modified(), MODIFIED), List.of());
        current = Screener.of(List.of(newer));
        long t0 = System.nanoTime();
        population = SyntheticPopulation.generate(subjects, SEED);
        sample = List.copyOf(population.subList(0, Math.min(fullSample, population.size())));
        long t1 = System.nanoTime();
        long before = HeapUse.afterGc();
        indexed = new ChangeOnlyScreening();
        population.forEach(indexed::put);
        indexed.index().flush();
        long t2 = System.nanoTime();
        long after = HeapUse.afterGc();
        System.out.printf(Locale.ROOT, "%n[monitoring] change: %d added + %d modified of SDN %s -> %s (%d/%d in the"
                        + " whole change); population %,d generated in %.1f s%n",
                change.added().size(), change.modified().size(), older.info().version(), newer.info().version(),
                whole.added().size(), whole.modified().size(), population.size(), (t1 - t0) / 1e9);
        System.out.printf(Locale.ROOT, "[monitoring] index built in %.1f s (setup, one-by-one puts): %,d subjects,"
                        + " %,d postings, %,d distinct tokens; heap retained by the index %.0f MiB (population"
                        + " itself %s)%n", (t2 - t1) / 1e9, indexed.index().size(), indexed.index().postingCount(),
                indexed.index().vocabularySize(), (after - before) / 1048576.0, "held by the caller, not counted");
        List<MonitoringMatch> alerts = indexed.screenIndexed(change, current);
        System.out.printf(Locale.ROOT, "[monitoring] alerts for the change: %d (%d STRONG)%n", alerts.size(),
                alerts.stream().filter(m -> m.hit().rating().name().startsWith("STRONG")).count());
    }

    private static LoadedList only(Path folder) throws IOException {
        return new ListLoader().load(folder).loaded().get(0);
    }

    /** n entries spread over the list (its order is the publisher's, roughly by programme and date). */
    private static List<SanctionedEntity> evenly(List<SanctionedEntity> entries, int n) {
        List<SanctionedEntity> out = new ArrayList<>(n);
        for (int i = 0; i < n && i < entries.size(); i++) {
            out.add(entries.get((int) ((long) i * entries.size() / n)));
        }
        return out;
    }

    @Benchmark
    public int buildIndex() {
        ChangeOnlyScreening fresh = new ChangeOnlyScreening();
        population.forEach(fresh::put);
        fresh.index().flush();
        return fresh.index().size();
    }

    @Benchmark
    public List<MonitoringMatch> changeOnly() {
        return indexed.screenIndexed(change, current);
    }

    @Benchmark
    public List<MonitoringMatch> changeOnlySynced() {
        return indexed.screen(population, change, current);
    }

    @Benchmark
    public List<MonitoringMatch> fullRescreenSample() {
        return new FullRescreen().screen(sample, change, current);
    }
}
