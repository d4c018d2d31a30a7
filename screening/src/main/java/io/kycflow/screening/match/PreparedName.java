package io.kycflow.screening.match;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A name normalised once, with what scoring needs for each token (phonetic key, weight), so the work is
 * done at load time for listed names and once per query for the query.
 *
 * @param tokenIds for a listed name, each token's number in the lists' vocabulary (so a query's similarities
 *                 to a token shared by thousands of names are computed once and looked up by number); null
 *                 for a query or a name compared on its own
 */
record PreparedName(String original, String[] tokens, String[] phonetic, double[] weights, int[] tokenIds) {

    /** @param organisation whether the name is of an organisation, vessel or aircraft (titles are kept) */
    static PreparedName of(String name, TokenWeights weights, boolean organisation) {
        List<String> list = new ArrayList<>(NameNormaliser.tokens(name, organisation));
        String[] tokens = list.toArray(String[]::new);
        String[] phonetic = new String[tokens.length];
        double[] w = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            phonetic[i] = TokenSimilarity.phoneticKey(tokens[i]);
            w[i] = weights.weight(tokens[i]);
        }
        return new PreparedName(name, tokens, phonetic, w, null);
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
