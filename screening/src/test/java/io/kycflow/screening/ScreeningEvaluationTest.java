package io.kycflow.screening;

import io.kycflow.screening.match.Hit;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.screening.match.MatchTuning;
import io.kycflow.screening.match.PairScorer;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.RatingThresholds;
import io.kycflow.screening.match.Screener;
import io.kycflow.screening.match.TokenWeights;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Evaluation harness: prints the screening figures (it asserts nothing beyond running). Output lands in
 * target/surefire-reports/io.kycflow.screening.ScreeningEvaluationTest-output.txt.
 * {@code -Dkycflow.eval.negatives=50000} screens every global negative (default: the first 2,000);
 * {@code -Dkycflow.eval.grid=true} searches the tuning grid on the 70% split.
 */
class ScreeningEvaluationTest {
    private static final long SPLIT_SEED = 20240702L;

    record Pair(String schema, String name1, String name2, boolean match, String quality) {
    }

    /** Every labelled pair of cases.csv, in file order (skips the calling test when ../shared is absent). */
    static List<Pair> casePairs() throws Exception {
        List<Pair> pairs = new ArrayList<>();
        for (Map<String, String> r : CaseFiles.read(SharedData.require("screening-cases/opensanctions-nomenklatura/cases.csv"), Integer.MAX_VALUE)) {
            String quality = r.get("quality") == null || r.get("quality").isBlank() ? "MEDIUM" : r.get("quality");
            pairs.add(new Pair(r.get("schema"), r.get("name1"), r.get("name2"), r.get("is_match").equalsIgnoreCase("true"), quality));
        }
        return pairs;
    }

    /** The fixed split: the first 70% of the seeded shuffle is the tuning part, the rest is held out. */
    static List<List<Pair>> split(List<Pair> pairs) {
        List<Pair> shuffled = new ArrayList<>(pairs);
        Collections.shuffle(shuffled, new Random(SPLIT_SEED));
        int cut = (int) Math.round(shuffled.size() * 0.7);
        return List.of(shuffled.subList(0, cut), shuffled.subList(cut, shuffled.size()));
    }

    @Test
    void pairs() throws Exception {
        List<Pair> pairs = casePairs();
        List<List<Pair>> parts = split(pairs);
        List<Pair> tune = parts.get(0);
        List<Pair> test = parts.get(1);

        PairScorer uniform = new PairScorer();
        report("cases.csv default tuning, uniform weights", uniform, tune, test, pairs);
        PairScorer idf = RealLists.screener().pairScorer();
        report("cases.csv default tuning, list IDF weights", idf, tune, test, pairs);

        if (Boolean.getBoolean("kycflow.eval.grid")) {
            grid(tune, test, pairs);
        }
        if (Boolean.getBoolean("kycflow.eval.errors")) {
            tuningErrors(uniform, tune);
        }
    }

    /**
     * The misclassified pairs of the 70% tuning split only (never the held-out rows), for error analysis:
     * {@code -Dkycflow.eval.errors=true}.
     */
    private static void tuningErrors(PairScorer scorer, List<Pair> tune) {
        double[] scores = tune.stream().mapToDouble(p -> scorer.score(p.name1, p.name2, p.schema).score()).toArray();
        for (double t = 0.6; t <= 0.8; t += 0.025) {
            System.out.printf(Locale.ROOT, "  tuning 70%%: match at >= %.3f: F1 %.3f%n", t, f1(tune, scores, t));
        }
        System.out.println("== misclassified in the tuning 70%");
        for (Pair p : tune) {
            var s = scorer.score(p.name1, p.name2, p.schema);
            if (s.match() != p.match) {
                System.out.printf(Locale.ROOT, "  %s %-6s %.3f %s | %s | %s%n", p.match ? "FN" : "FP", p.quality,
                        s.score(), p.schema, p.name1, p.name2);
                System.out.println("      " + s.detail().alignments() + " left " + s.detail().unmatchedQuery() + " / "
                        + s.detail().unmatchedListed() + " " + s.detail().adjustments());
            }
        }
    }

    /** One point of the grid: a tuning, its F1-best threshold on the tuning split, and that F1. */
    private record GridPoint(MatchTuning tuning, double partial, double f1) {
    }

    private static GridPoint bestThreshold(List<Pair> tune, MatchTuning tuning) {
        PairScorer scorer = new PairScorer(TokenWeights.uniform(), tuning, RatingThresholds.DEFAULT);
        double[] scores = tune.stream().mapToDouble(p -> scorer.score(p.name1, p.name2, p.schema).score()).toArray();
        GridPoint best = new GridPoint(tuning, 0, -1);
        for (double partial = 0.6; partial <= 0.95; partial += 0.025) {
            best = better(best, new GridPoint(tuning, partial, f1(tune, scores, partial)));
        }
        return best;
    }

    private static GridPoint better(GridPoint a, GridPoint b) {
        return b.f1() > a.f1() ? b : a;
    }

    private static void grid(List<Pair> tune, List<Pair> test, List<Pair> all) {
        GridPoint best = new GridPoint(MatchTuning.DEFAULT, 0, -1);
        for (double q : new double[]{0.2, 0.4, 0.6, 0.8}) {
            for (double c : new double[]{0.1, 0.2, 0.35, 0.5}) {
                for (double x : new double[]{0.5, 1.0, 1.5, 2.5}) {
                    for (double min : new double[]{0.65, 0.7, 0.75, 0.8}) {
                        for (double lev : new double[]{0.3, 0.6, 0.9}) {
                            for (double exp : new double[]{1.0, 1.5, 2.5}) {
                                best = better(best, bestThreshold(tune,
                                        MatchTuning.DEFAULT.withPenalties(q, c, x).withTokenSimilarity(min, lev, exp)));
                            }
                        }
                    }
                }
            }
        }
        // Second stage: the rules beyond token similarity, on the best penalties and token knobs found above.
        MatchTuning base = best.tuning();
        for (double edit : new double[]{0, 0.05, 0.1}) {
            for (double org : new double[]{0.2, 1.0, 2.0, 3.0}) {
                for (double legal : new double[]{1.0, 0.8, 0.7}) {
                    for (double swap : new double[]{1.0, 0.6}) {
                        for (double number : new double[]{0, 0.7, 0.8}) {
                            best = better(best, bestThreshold(tune,
                                    base.withRules(edit, org, legal, swap).withNumberVariantSimilarity(number)));
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "grid best on 70%%: F1 %.3f partial>=%.3f %s%n", best.f1(), best.partial(), best.tuning());
        double strong = Math.min(0.99, best.partial() + 0.1);
        PairScorer s = new PairScorer(TokenWeights.uniform(), best.tuning(),
                new RatingThresholds(strong, best.partial(), Math.min(best.partial(), 0.65)));
        report("cases.csv grid-tuned", s, tune, test, all);
    }

    private static double f1(List<Pair> pairs, double[] scores, double threshold) {
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < pairs.size(); i++) {
            boolean m = scores[i] >= threshold;
            if (m && pairs.get(i).match) tp++;
            if (m && !pairs.get(i).match) fp++;
            if (!m && pairs.get(i).match) fn++;
        }
        double p = tp / Math.max(1.0, tp + fp);
        double r = tp / Math.max(1.0, tp + fn);
        return 2 * p * r / Math.max(1e-9, p + r);
    }

    private static void report(String title, PairScorer scorer, List<Pair> tune, List<Pair> test, List<Pair> all) {
        System.out.println("== " + title);
        for (Map.Entry<String, List<Pair>> part : Map.of("tune 70%", tune, "test 30%", test, "whole", all).entrySet()
                .stream().sorted(Map.Entry.comparingByKey()).toList()) {
            Map<String, int[]> counts = new TreeMap<>();
            for (Pair p : part.getValue()) {
                boolean m = scorer.score(p.name1, p.name2, p.schema).match();
                for (String key : List.of("all", "quality=" + p.quality)) {
                    int[] c = counts.computeIfAbsent(key, k -> new int[4]);
                    c[0]++;
                    if (m && p.match) c[1]++;
                    if (m && !p.match) c[2]++;
                    if (!m && p.match) c[3]++;
                }
            }
            counts.forEach((k, c) -> {
                double pr = c[1] / Math.max(1.0, c[1] + c[2]);
                double rc = c[1] / Math.max(1.0, c[1] + c[3]);
                System.out.printf(Locale.ROOT, "  %-9s %-16s n=%4d precision %.3f recall %.3f F1 %.3f%n", part.getKey(), k, c[0],
                        pr, rc, 2 * pr * rc / Math.max(1e-9, pr + rc));
            });
        }
    }

    @Test
    void listQueries() throws Exception {
        Screener screener = RealLists.screener();
        System.out.println("lists loaded in " + RealLists.loadMillis + " ms, screener built in " + RealLists.buildMillis
                + " ms: " + screener.entityCount() + " entities, " + screener.nameCount() + " names, "
                + screener.indexKeyCount() + " index keys");
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.println("heap used after load+index: " + (rt.totalMemory() - rt.freeMemory()) / (1 << 20) + " MiB");

        List<Query> un = queries("screening-cases/opensanctions-yente/positives_un_untreated.csv", Integer.MAX_VALUE);
        int[] unCounts = count(screener, un);
        System.out.printf(Locale.ROOT, "UN positives: %d rows, PARTIAL+ %.4f, STRONG %.4f%n", un.size(),
                unCounts[0] / (double) un.size(), unCounts[1] / (double) un.size());
        int n = Integer.getInteger("kycflow.eval.negatives", 2_000);
        List<Query> negatives = queries("screening-cases/opensanctions-yente/negatives_global.csv", n);
        int[] neg = count(screener, negatives);
        System.out.printf(Locale.ROOT, "global negatives (first %d): STRONG %.2f per 1,000, PARTIAL+ %.2f per 1,000%n",
                negatives.size(), 1000.0 * neg[1] / negatives.size(), 1000.0 * neg[0] / negatives.size());
        List<Query> congress = queries("screening-cases/opensanctions-yente/positives_us_congress_untreated.csv", Integer.MAX_VALUE);
        int[] con = count(screener, congress);
        System.out.printf(Locale.ROOT, "US Congress (should not hit sanctions): STRONG %.2f per 1,000, PARTIAL+ %.2f per 1,000%n",
                1000.0 * con[1] / congress.size(), 1000.0 * con[0] / congress.size());

        // Work per query: names the index hands to the scorer, over the benchmark's queries (500 negatives, UN).
        int[] candidates = java.util.stream.Stream.concat(negatives.stream().limit(500), un.stream())
                .mapToInt(screener::candidateCount).sorted().toArray();
        System.out.printf(Locale.ROOT, "candidates per query (%d queries): median %d, p90 %d, p99 %d, max %d, mean %.0f%n",
                candidates.length, candidates[candidates.length / 2], candidates[candidates.length * 9 / 10],
                candidates[candidates.length * 99 / 100], candidates[candidates.length - 1],
                Arrays.stream(candidates).average().orElse(0));

        // Latency, single thread: index vs full scan on the same 300 queries (after warm-up).
        List<Query> sample = new ArrayList<>(un.subList(0, 150));
        sample.addAll(negatives.subList(0, Math.min(150, negatives.size())));
        sample.forEach(screener::screen);
        long[] index = new long[sample.size()];
        long[] full = new long[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            long t0 = System.nanoTime();
            screener.screen(sample.get(i));
            index[i] = System.nanoTime() - t0;
        }
        for (int i = 0; i < Math.min(100, sample.size()); i++) {
            long t0 = System.nanoTime();
            screener.screenFullScan(sample.get(i));
            full[i] = System.nanoTime() - t0;
        }
        full = Arrays.copyOf(full, Math.min(100, sample.size()));
        System.out.printf(Locale.ROOT, "latency index: median %.2f ms p99 %.2f ms (%.0f q/s); full scan: median %.2f ms p99 %.2f ms%n",
                pct(index, 0.5), pct(index, 0.99), 1000 / pct(index, 0.5), pct(full, 0.5), pct(full, 0.99));
    }

    private static double pct(long[] nanos, double p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.floor(p * s.length))] / 1e6;
    }

    private static List<Query> queries(String relative, int limit) throws Exception {
        return CaseFiles.read(SharedData.require(relative), limit).stream().map(CaseFiles::personQuery).toList();
    }

    /** [rows with a PARTIAL+ hit, rows with a STRONG hit]. */
    private static int[] count(Screener screener, List<Query> queries) {
        int[] c = new int[2];
        queries.parallelStream().map(q -> screener.screen(q).hits()).forEach(hits -> {
            boolean partial = hits.stream().anyMatch(h -> h.rating().isMatch());
            boolean strong = hits.stream().anyMatch(h -> h.rating() == MatchRating.STRONG_MATCH);
            synchronized (c) {
                if (partial) c[0]++;
                if (strong) c[1]++;
            }
        });
        return c;
    }

    static String top(List<Hit> hits) {
        return hits.isEmpty() ? "-" : hits.get(0).explanation().describe();
    }
}
