package io.kycflow.screening.match;

import java.util.HashMap;
import java.util.Map;

/**
 * How much each name token says about identity: rare tokens weigh more than common ones, so sharing
 * "Mohammed" proves little while sharing "Khamenei" proves a lot. Inverse document frequency over all
 * names of the loaded lists, scaled to 0..1; connecting particles and legal forms weigh little whatever
 * their frequency.
 */
public final class TokenWeights {
    static final double PARTICLE_WEIGHT = 0.2;
    static final double MIN_WEIGHT = 0.25;
    /** A token appearing in this many names or fewer gets full weight. */
    private static final int RARE_DOCUMENT_FREQUENCY = 8;

    private final Map<String, Integer> documentFrequency;
    private final int documents;

    private TokenWeights(Map<String, Integer> documentFrequency, int documents) {
        this.documentFrequency = documentFrequency;
        this.documents = documents;
    }

    /** Weights without corpus statistics: every token counts fully except particles and legal forms. */
    public static TokenWeights uniform() {
        return new TokenWeights(Map.of(), 0);
    }

    static Builder builder() {
        return new Builder();
    }

    double weight(String token) {
        if (NameNormaliser.PARTICLES.contains(token) || NameNormaliser.isLegalForm(token)) {
            return PARTICLE_WEIGHT;
        }
        if (documents == 0) {
            return 1.0;
        }
        int df = documentFrequency.getOrDefault(token, 0);
        if (df <= RARE_DOCUMENT_FREQUENCY) {
            return 1.0;
        }
        double idf = Math.log((double) documents / df);
        double full = Math.log((double) documents / RARE_DOCUMENT_FREQUENCY);
        return Math.max(MIN_WEIGHT, Math.min(1.0, idf / full));
    }

    static final class Builder {
        private final Map<String, Integer> df = new HashMap<>();
        private int documents;

        void addName(Iterable<String> distinctTokens) {
            documents++;
            for (String t : distinctTokens) {
                df.merge(t, 1, Integer::sum);
            }
        }

        TokenWeights build() {
            return new TokenWeights(Map.copyOf(df), documents);
        }
    }
}
