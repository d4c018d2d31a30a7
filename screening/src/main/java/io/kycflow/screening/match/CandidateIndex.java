package io.kycflow.screening.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inverted index from token keys to names, so a query scores only names that share something with it.
 *
 * <p>Keys of a token: the token and each one-character deletion of it (two tokens within one edit share a
 * key: typos, transpositions, "Macron"/"Macrone"), its Double Metaphone code (sound-alikes further apart:
 * "Qaddafi"/"Gaddafi"), and the concatenation of each adjacent token pair and of three adjacent tokens (so "binladen" finds
 * "bin laden" and "vanderbilt" finds "van der bilt", and back), the initials of each run of two to five
 * listed tokens (so "PLA" finds "People's Liberation Army", "JC Juncker" finds "Jean-Claude Juncker"), and
 * the nickname groups of a token ("Bill" finds "William"). A name becomes a candidate when the query tokens that hit it carry at least
 * {@link MatchTuning#minIndexCoverage()} of the query's weight: a name sharing only "Mohammed" with the
 * query cannot reach a match and is never scored.
 */
final class CandidateIndex {
    private static final int MIN_DELETION_LENGTH = 4;
    private static final int MAX_DELETION_LENGTH = 16;
    /** Key prefixes: the initials of a run of listed words ("^pla"), a nickname group ("=william"). */
    private static final String ACRONYM = "^";
    private static final String NICKNAME = "=";
    /**
     * Key prefixes of the spelling rules: a token's national-spelling fold ("%vladimirovich"), its consonant
     * skeleton ("#bltml", also of two adjacent listed tokens).
     */
    private static final String FOLD = "%";
    private static final String SKELETON = "#";

    private final Map<String, int[]> postings;
    private final int size;
    private final ThreadLocal<Scratch> scratch;

    private static final class Scratch {
        final double[] hitWeight;
        final int[] stamp;
        final int[] tokenStamp;
        int query;
        int token;

        Scratch(int size) {
            hitWeight = new double[size];
            stamp = new int[size];
            tokenStamp = new int[size];
        }
    }

    /** @param thing whether name n is of an organisation, vessel or aircraft (longer acronyms are tried) */
    CandidateIndex(List<IndexedName> names, java.util.function.IntPredicate thing) {
        Map<String, IntList> build = new HashMap<>();
        for (int n = 0; n < names.size(); n++) {
            PreparedName prepared = names.get(n).prepared();
            String[] tokens = prepared.tokens();
            Set<String> keys = new LinkedHashSet<>();
            for (int i = 0; i < tokens.length; i++) {
                keys.addAll(keysOf(tokens[i]));
                keys.add(FOLD + prepared.folded()[i]);
                String skeleton = prepared.skeleton()[i];
                if (skeleton.length() >= TokenSimilarity.MIN_SCRIPT_SKELETON) {
                    keys.add(SKELETON + skeleton);
                }
                if (i + 1 < tokens.length) {
                    String pair = SpellingFolds.skeleton(tokens[i] + tokens[i + 1]);
                    if (pair.length() >= TokenSimilarity.MIN_SCRIPT_SKELETON) {
                        keys.add(SKELETON + pair);
                    }
                }
                if (i + 1 < tokens.length) {
                    keys.addAll(editKeys(tokens[i] + tokens[i + 1]));
                }
                if (i + 2 < tokens.length) {
                    keys.addAll(editKeys(tokens[i] + tokens[i + 1] + tokens[i + 2]));
                }
                int maxRun = NameScorer.maxAcronymRun(thing.test(n));
                for (int len = 2; len <= maxRun && i + len <= tokens.length; len++) {
                    String initials = NameScorer.initials(tokens, i, len);
                    if (initials != null) {
                        keys.add(ACRONYM + initials);
                    }
                }
            }
            for (String k : keys) {
                build.computeIfAbsent(k, x -> new IntList()).add(n);
            }
        }
        Map<String, int[]> compact = new HashMap<>(build.size() * 2);
        build.forEach((k, v) -> compact.put(k, v.toArray()));
        this.postings = compact;
        this.size = names.size();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(size));
    }

    int keyCount() {
        return postings.size();
    }

    /** Names whose hit tokens cover enough of the query's weight, in index order. */
    int[] candidates(PreparedName query, double minCoverage) {
        Scratch s = scratch.get();
        s.query++;
        if (s.query == Integer.MAX_VALUE) {
            Arrays.fill(s.stamp, 0);
            Arrays.fill(s.tokenStamp, 0);
            s.query = 1;
            s.token = 0;
        }
        IntList touched = new IntList();
        String[] tokens = query.tokens();
        double[] weights = query.weights();
        for (int i = 0; i < tokens.length; i++) {
            List<String> keys = keysOf(tokens[i]);
            if (NameScorer.isAcronymCandidate(tokens[i], true) || NameScorer.isAcronymCandidate(tokens[i], false)) {
                keys.add(ACRONYM + tokens[i]);
            }
            keys.add(FOLD + query.folded()[i]);
            String skeleton = query.skeleton()[i];
            int minSkeleton = query.isLossy(i) ? TokenSimilarity.MIN_SCRIPT_SKELETON : TokenSimilarity.MIN_LATIN_SKELETON;
            if (skeleton.length() >= minSkeleton) {
                keys.add(SKELETON + skeleton);
            }
            if (query.isLossy(i)) {
                // its w and y may be vowels (u, i) the listed spelling writes as such: "ywsf" / "yusuf"
                String vowelled = SpellingFolds.skeleton(tokens[i].replace("w", "").replace("y", ""));
                if (!vowelled.isEmpty()) {
                    keys.add(SKELETON + vowelled);
                }
            }
            lookUp(keys, weights[i], s, touched);
            if (i + 1 < tokens.length) {
                List<String> pairKeys = editKeys(tokens[i] + tokens[i + 1]);
                if ((query.isLossy(i) || query.isLossy(i + 1)) && "l".equals(query.skeleton()[i + 1])
                        && tokens[i + 1].startsWith("al")) {
                    pairKeys.add(SKELETON + SpellingFolds.skeleton(tokens[i] + tokens[i + 1]));
                }
                lookUp(pairKeys, weights[i] + weights[i + 1], s, touched);
            }
            if (i + 2 < tokens.length) {
                lookUp(editKeys(tokens[i] + tokens[i + 1] + tokens[i + 2]),
                        weights[i] + weights[i + 1] + weights[i + 2], s, touched);
            }
            double runWeight = weights[i];
            for (int len = 2; len <= 5 && i + len <= tokens.length; len++) {
                runWeight += weights[i + len - 1];
                String initials = NameScorer.initials(tokens, i, len);
                if (initials != null) {
                    lookUp(List.of(initials), runWeight, s, touched);
                }
            }
        }
        double needed = minCoverage * query.totalWeight() - 1e-9;
        IntList out = new IntList();
        for (int k = 0; k < touched.size; k++) {
            int n = touched.values[k];
            if (s.hitWeight[n] >= needed) {
                out.add(n);
            }
        }
        int[] result = out.toArray();
        Arrays.sort(result);
        return result;
    }

    private void lookUp(List<String> keys, double weight, Scratch s, IntList touched) {
        s.token++;
        if (s.token == Integer.MAX_VALUE) {
            Arrays.fill(s.tokenStamp, 0);
            s.token = 1;
        }
        for (String key : keys) {
            int[] posting = postings.get(key);
            if (posting == null) {
                continue;
            }
            for (int n : posting) {
                if (s.stamp[n] != s.query) {
                    s.stamp[n] = s.query;
                    s.hitWeight[n] = 0;
                    touched.add(n);
                }
                if (s.tokenStamp[n] != s.token) {
                    s.tokenStamp[n] = s.token; // a token counts once per name, however many keys hit
                    s.hitWeight[n] += weight;
                }
            }
        }
    }

    private static List<String> keysOf(String token) {
        List<String> keys = editKeys(token);
        String sound = TokenSimilarity.phoneticKey(token);
        if (!sound.isEmpty()) {
            keys.add("~" + sound);
        }
        for (String group : Nicknames.groups(token)) {
            keys.add(NICKNAME + group);
        }
        return keys;
    }

    /** The token and its one-character deletions (for tokens long enough that one edit is a typo). */
    private static List<String> editKeys(String token) {
        List<String> keys = new ArrayList<>(token.length() + 2);
        keys.add(token);
        if (token.length() >= MIN_DELETION_LENGTH && token.length() <= MAX_DELETION_LENGTH) {
            for (int i = 0; i < token.length(); i++) {
                keys.add(token.substring(0, i) + token.substring(i + 1));
            }
        }
        return keys;
    }

    /** A growable int array: postings are big and boxing them would double the index's memory. */
    private static final class IntList {
        int[] values = new int[4];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
