package io.kycflow.ingest.api;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Runs the numbered cases of one fuzz family. Case {@code i} of family {@code f} draws everything from
 * its own generator, seeded from (run seed, f, i) alone, so any case can be replayed without the ones
 * before it: {@code -Dkycflow.fuzz.seed=N} fixes the run seed (otherwise a random one, printed), and
 * {@code -Dkycflow.fuzz.case=I} runs only case {@code I} of each family.
 *
 * <p>A failing case does not stop the family: the failures are collected (up to {@value #MAX_FAILURES},
 * each with the seed and its index) and reported together at the end, the first one's stack trace as the cause.
 */
final class FuzzCases {

    static final String SEED_PROPERTY = "kycflow.fuzz.seed";
    static final String CASE_PROPERTY = "kycflow.fuzz.case";
    private static final int MAX_FAILURES = 20;

    /** One case: draws its input from {@code random}, sends it, checks the answer and returns its status. */
    @FunctionalInterface
    interface Case {
        int run(RandomGenerator random);
    }

    private final long seed;

    private FuzzCases(long seed) {
        this.seed = seed;
    }

    /** The run seed from {@code -Dkycflow.fuzz.seed}, or a fresh random one. */
    static FuzzCases fromSystemProperties() {
        String fixed = System.getProperty(SEED_PROPERTY, "").trim();
        return new FuzzCases(fixed.isEmpty() ? new SecureRandom().nextLong() : Long.parseLong(fixed));
    }

    long seed() {
        return seed;
    }

    /** The generator of one case: a function of the seed, the family and the index only. */
    RandomGenerator random(String family, int index) {
        long familyHash = family.hashCode() * 0x9E3779B97F4A7C15L;
        return new SplittableRandom(seed ^ familyHash ^ (index + 1) * 0xBF58476D1CE4E5B9L);
    }

    /** Runs {@code count} cases of {@code family} and returns how many answers had each status. */
    Map<Integer, Integer> run(String family, int count, Case body) {
        String only = System.getProperty(CASE_PROPERTY, "").trim();
        int from = only.isEmpty() ? 0 : Integer.parseInt(only);
        int to = only.isEmpty() ? count : Math.min(from + 1, count);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int failed = 0;
        Throwable first = null;
        long started = System.nanoTime();
        for (int index = from; index < to && failed < MAX_FAILURES; index++) {
            try {
                statuses.merge(body.run(random(family, index)), 1, Integer::sum);
            } catch (AssertionError | RuntimeException e) {
                failed++;
                first = first == null ? e : first;
                String why = e instanceof AssertionError ? e.getMessage() : e.toString();
                failures.add(family + " case " + index + " (seed " + seed + "): " + why);
            }
        }
        System.out.printf("fuzz %s: %d cases, seed %d, %d ms, statuses %s%n",
                family, to - from, seed, (System.nanoTime() - started) / 1_000_000, statuses);
        if (!failures.isEmpty()) {
            throw new AssertionError(failed + " failing case(s)" + (failed >= MAX_FAILURES ? " (stopped there)" : "")
                    + "; replay with -D" + SEED_PROPERTY + "=" + seed + " [-D" + CASE_PROPERTY + "=INDEX]:\n  "
                    + String.join("\n  ", failures), first);
        }
        return statuses;
    }
}
