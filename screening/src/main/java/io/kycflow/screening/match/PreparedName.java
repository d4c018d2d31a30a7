package io.kycflow.screening.match;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A name normalised once, with what scoring needs for each token (phonetic key, national-spelling fold,
 * consonant skeleton, weight), so the work is done at load time for listed names and once per query for
 * the query.
 *
 * @param tokenIds for a listed name, each token's number in the lists' vocabulary (so a query's similarities
 *                 to a token shared by thousands of names are computed once and looked up by number); null
 *                 for a query or a name compared on its own
 * @param folded   each token's {@link SpellingFolds#fold national-spelling fold}
 * @param skeleton each token's {@link SpellingFolds#skeleton consonant skeleton}
 * @param lossy    whether each token came from a script whose romanisation is far from the English form
 *                 (compared by skeleton however short); null where none did
 * @param vowelled for a word from a script without vowels, its skeleton with w and y read as the vowels u
 *                 and i ("ywsf" → "sb", as "yusuf"); null where no word is from such a script
 * @param notes    for a query, a line for each rule applied in normalising it (titles removed, how a script
 *                 was read), for the hit's explanation; empty for a listed name; null for a query prepared from
 *                 stored tokens (monitoring), whose notes are worked out again when a hit is explained
 */
record PreparedName(String original, String[] tokens, String[] phonetic, double[] weights, int[] tokenIds,
                    String[] folded, String[] skeleton, boolean[] lossy, String[] vowelled, List<String> notes) {

    /**
     * A name whose words all come from Latin or a script read letter for letter (no word compared by
     * skeleton), prepared from tokens stored before: its notes are unknown (null).
     */
    PreparedName(String original, String[] tokens, String[] phonetic, double[] weights, int[] tokenIds) {
        this(original, tokens, phonetic, weights, tokenIds, foldsOf(tokens), skeletonsOf(tokens), null, null, null);
    }

    private static String[] foldsOf(String[] tokens) {
        String[] out = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            out[i] = SpellingFolds.fold(tokens[i]);
        }
        return out;
    }

    private static String[] skeletonsOf(String[] tokens) {
        String[] out = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            out[i] = SpellingFolds.skeleton(tokens[i]);
        }
        return out;
    }

    /** @param organisation whether the name is of an organisation, vessel or aircraft (titles are kept) */
    static PreparedName of(String name, TokenWeights weights, boolean organisation) {
        NameNormaliser.Normalised normalised = NameNormaliser.normalise(name, organisation);
        String[] tokens = normalised.tokens().toArray(String[]::new);
        double[] w = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            w[i] = weights.weight(tokens[i]);
        }
        return withKeys(name, tokens, w, null, normalised.lossy(), null, List.copyOf(normalised.notes()));
    }

    /** The name with each token's keys computed; interned, where a map is given, so listed names share them. */
    static PreparedName withKeys(String original, String[] tokens, double[] weights, int[] tokenIds,
                                 Set<String> lossyTokens, java.util.Map<String, String> interned,
                                 List<String> notes) {
        String[] phonetic = new String[tokens.length];
        String[] folded = new String[tokens.length];
        String[] skeleton = new String[tokens.length];
        boolean[] lossy = null;
        String[] vowelled = null;
        for (int i = 0; i < tokens.length; i++) {
            phonetic[i] = intern(TokenSimilarity.phoneticKey(tokens[i]), interned);
            folded[i] = intern(SpellingFolds.fold(tokens[i]), interned);
            skeleton[i] = intern(SpellingFolds.skeleton(tokens[i]), interned);
            if (lossyTokens.contains(tokens[i])) {
                if (lossy == null) {
                    lossy = new boolean[tokens.length];
                    vowelled = new String[tokens.length];
                }
                lossy[i] = true;
                vowelled[i] = SpellingFolds.skeleton(tokens[i].replace("w", "").replace("y", ""));
            }
        }
        return new PreparedName(original, tokens, phonetic, weights, tokenIds, folded, skeleton, lossy, vowelled,
                notes);
    }

    private static String intern(String s, java.util.Map<String, String> interned) {
        return interned == null ? s : interned.computeIfAbsent(s, x -> x);
    }

    boolean isLossy(int i) {
        return lossy != null && lossy[i];
    }

    boolean anyLossy() {
        return lossy != null;
    }

    boolean isEmpty() {
        return tokens.length == 0;
    }

    double totalWeight() {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        return sum;
    }

    /** Distinct tokens, for document frequency. */
    static Iterable<String> distinctTokens(List<String> tokens) {
        return new LinkedHashSet<>(tokens);
    }
}
