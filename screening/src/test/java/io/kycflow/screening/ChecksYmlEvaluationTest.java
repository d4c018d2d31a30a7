package io.kycflow.screening;

import io.kycflow.screening.match.PairScore;
import io.kycflow.screening.match.PairScorer;
import io.kycflow.screening.match.Query;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Second report: the 228 nomenklatura entity checks of {@code checks.yml}, scored with the same pair scorer
 * and cut-off as cases.csv (no tuning on this file). Prints precision, recall and F1 overall, per schema and
 * per label; asserts only that the file parses. Output lands in
 * target/surefire-reports/io.kycflow.screening.ChecksYmlEvaluationTest-output.txt.
 *
 * <p>Names: {@code name} when given, else the parts in first, middle, father's name, last order (the order of
 * {@link Query#name()}, the father's name taking the patronymic's middle place). Property values may be
 * lists; a check with several names on a side scores its best pair, as a screening hit does.
 */
class ChecksYmlEvaluationTest {
    static final String CHECKS = "screening-cases/opensanctions-nomenklatura/checks.yml";

    record Check(int index, boolean match, String schema, List<String> query, List<String> candidate, String label) {
    }

    @Test
    void uniformWeights() throws Exception {
        List<Check> checks = read(SharedData.require(CHECKS));
        assertEquals(228, checks.size(), "checks.yml as described in SOURCES.md");
        report("checks.yml, default tuning, uniform weights (the cases.csv headline scorer)", new PairScorer(), checks);
    }

    @Test
    void listIdfWeights() throws Exception {
        List<Check> checks = read(SharedData.require(CHECKS));
        report("checks.yml, default tuning, list IDF weights", RealLists.screener().pairScorer(), checks);
    }

    static List<Check> read(Path file) throws Exception {
        Map<String, Object> root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        List<Check> checks = new ArrayList<>();
        for (Object o : (List<?>) root.get("checks")) {
            Map<?, ?> c = (Map<?, ?>) o;
            checks.add(new Check(checks.size() + 1, Boolean.TRUE.equals(c.get("match")), Objects.toString(c.get("schema"), null),
                    names((Map<?, ?>) c.get("query")), names((Map<?, ?>) c.get("candidate")),
                    c.get("label") == null ? null : c.get("label").toString()));
        }
        return checks;
    }

    /** The names of one side: each {@code name} value, else one name from the parts. */
    static List<String> names(Map<?, ?> props) {
        List<String> full = values(props.get("name"));
        if (!full.isEmpty()) {
            return full;
        }
        List<String> middle = new ArrayList<>(values(props.get("middleName")));
        middle.addAll(values(props.get("fatherName")));
        String name = new Query(null, String.join(" ", values(props.get("firstName"))), String.join(" ", middle),
                String.join(" ", values(props.get("lastName"))), null, null, null, null).name();
        return List.of(name);
    }

    private static List<String> values(Object v) {
        if (v == null) {
            return List.of();
        }
        List<?> list = v instanceof List<?> l ? l : List.of(v);
        return list.stream().filter(Objects::nonNull).map(Object::toString).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The best-scoring pair of names (query side first, as in cases.csv). */
    static PairScore best(PairScorer scorer, Check c) {
        PairScore best = null;
        for (String q : c.query()) {
            for (String k : c.candidate()) {
                PairScore s = scorer.score(q, k, c.schema());
                if (best == null || s.score() > best.score()) {
                    best = s;
                }
            }
        }
        return best;
    }

    private static void report(String title, PairScorer scorer, List<Check> checks) throws Exception {
        // Where a check also appears in cases.csv (its nk_checks rows were ported from this file), say in which
        // part of the fixed split: checks in the 70% tuning part are not independent of the tuning.
        List<List<ScreeningEvaluationTest.Pair>> split = ScreeningEvaluationTest.split(ScreeningEvaluationTest.casePairs());
        Set<String> tuned = new HashSet<>();
        Set<String> heldOut = new HashSet<>();
        split.get(0).forEach(p -> tuned.add(key(p.schema(), p.name1(), p.name2())));
        split.get(1).forEach(p -> heldOut.add(key(p.schema(), p.name1(), p.name2())));

        System.out.println("== " + title);
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, int[]> bySchema = new TreeMap<>();
        Map<String, int[]> byLabel = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (Check c : checks) {
            PairScore s = best(scorer, c);
            boolean m = s.match();
            String k = key(c.schema(), c.query().get(0), c.candidate().get(0));
            String where = tuned.contains(k) ? "in cases.csv tuning 70%" : heldOut.contains(k) ? "in cases.csv held-out 30%"
                    : "not in cases.csv";
            List<String> keys = new ArrayList<>(List.of("all", where));
            if (!tuned.contains(k)) {
                keys.add("not in the tuning 70%");
            }
            for (String key : keys) {
                add(counts.computeIfAbsent(key, x -> new int[4]), m, c.match());
            }
            add(bySchema.computeIfAbsent(c.schema(), x -> new int[4]), m, c.match());
            add(byLabel.computeIfAbsent(c.label() == null ? "(no label)" : c.label(), x -> new int[4]), m, c.match());
            if (m != c.match()) {
                errors.add(String.format(Locale.ROOT, "  #%d %s %s: %s | %s score %.3f (%s)", c.index(),
                        c.match() ? "FN" : "FP", c.schema(), c.query(), c.candidate(), s.score(), where));
            }
        }
        counts.forEach((k, c) -> print("", k, c));
        bySchema.forEach((k, c) -> print("schema=", k, c));
        byLabel.forEach((k, c) -> print("label=", k, c));
        System.out.println("  misclassified (" + errors.size() + "):");
        errors.forEach(System.out::println);
    }

    private static String key(String schema, String name1, String name2) {
        return schema + "\u0000" + name1 + "\u0000" + name2;
    }

    /** counts: [n, tp, fp, fn]. */
    private static void add(int[] c, boolean predicted, boolean actual) {
        c[0]++;
        if (predicted && actual) c[1]++;
        if (predicted && !actual) c[2]++;
        if (!predicted && actual) c[3]++;
    }

    private static void print(String prefix, String key, int[] c) {
        double pr = c[1] / Math.max(1.0, c[1] + c[2]);
        double rc = c[1] / Math.max(1.0, c[1] + c[3]);
        System.out.printf(Locale.ROOT, "  %-40s n=%3d tp=%3d fp=%3d fn=%3d precision %.3f recall %.3f F1 %.3f%n",
                prefix + key, c[0], c[1], c[2], c[3], pr, rc, 2 * pr * rc / Math.max(1e-9, pr + rc));
    }
}
