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
     * skeleton for query words from scripts without vowels ("#bltml"; "&" for two adjacent listed tokens), and
     * for Latin words a skeleton of four classes or more with the token's length ("$bltml/8"), since a Latin
     * skeleton counts only between tokens within one letter of the same length.
     */
    private static final String FOLD = "%";
    private static final String SKELETON = "#";
    private static final String PAIR_SKELETON = "&";
    private static final String LATIN_SKELETON = "$";

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
            Set<String> keys = listedKeys(names.get(n).prepared().tokens(), thing.test(n));
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
        double[] weights = query.weights();
        for (KeyGroup group : queryGroups(query)) {
            lookUp(group.keys(), group.weight(weights), s, touched);
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

    /**
     * The keys a listed name is filed under (see the class comment); the same for every index built over
     * listed names, so that a name can be tested against a query without an index ({@link KeyGroup}).
     */
    static Set<String> listedKeys(String[] tokens, boolean thing) {
        Set<String> keys = new LinkedHashSet<>();
        int maxRun = NameScorer.maxAcronymRun(thing);
        for (int i = 0; i < tokens.length; i++) {
            keys.addAll(keysOf(tokens[i]));
            String fold = SpellingFolds.fold(tokens[i]);
            if (!fold.equals(tokens[i])) {
                keys.add(FOLD + fold); // a listed token that is its own fold is found under itself
            }
            String skeleton = SpellingFolds.skeleton(tokens[i]);
            if (skeleton.length() >= TokenSimilarity.MIN_SCRIPT_SKELETON) {
                keys.add(SKELETON + skeleton);
            }
            if (skeleton.length() >= TokenSimilarity.MIN_LATIN_SKELETON) {
                keys.add(LATIN_SKELETON + skeleton + "/" + tokens[i].length());
            }
            if (i + 1 < tokens.length) {
                keys.addAll(editKeys(tokens[i] + tokens[i + 1]));
                String pair = SpellingFolds.skeleton(tokens[i] + tokens[i + 1]);
                if (pair.length() >= TokenSimilarity.MIN_SCRIPT_SKELETON) {
                    keys.add(PAIR_SKELETON + pair);
                }
            }
            if (i + 2 < tokens.length) {
                keys.addAll(editKeys(tokens[i] + tokens[i + 1] + tokens[i + 2]));
            }
            for (int len = 2; len <= maxRun && i + len <= tokens.length; len++) {
                String initials = NameScorer.initials(tokens, i, len);
                if (initials != null) {
                    keys.add(ACRONYM + initials);
                }
            }
        }
        return keys;
    }

    /**
     * What a query looks up, in lookup order: for each token its own keys, then the keys of the pair and
     * the triple it starts, then the initials of each run of two to five tokens it starts. A group adds its
     * weight to a name once, however many of its keys the name holds.
     */
    static List<KeyGroup> queryGroups(String[] tokens) {
        return queryGroups(tokens, null);
    }

    /** {@link #queryGroups(String[])} with the keys of the rules for words from scripts without vowels. */
    static List<KeyGroup> queryGroups(PreparedName query) {
        return queryGroups(query.tokens(), query);
    }

    /** @param prepared the query's prepared name, for its words' scripts; null: every word Latin */
    private static List<KeyGroup> queryGroups(String[] tokens, PreparedName prepared) {
        List<KeyGroup> groups = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            List<String> keys = keysOf(tokens[i]);
            if (NameScorer.isAcronymCandidate(tokens[i], true) || NameScorer.isAcronymCandidate(tokens[i], false)) {
                keys.add(ACRONYM + tokens[i]);
            }
            boolean lossy = prepared != null && prepared.isLossy(i);
            String fold = SpellingFolds.fold(tokens[i]);
            keys.add(FOLD + fold);
            if (!fold.equals(tokens[i])) {
                keys.add(fold);
            }
            String skeleton = SpellingFolds.skeleton(tokens[i]);
            if (lossy) {
                // A skeleton of one consonant ("ly": Ali, Lee, al…) would make most names candidates; such a
                // word aligns at 0.88 at most, so a name reaching review through it shares other words too.
                if (skeleton.length() >= 2) {
                    keys.add(SKELETON + skeleton);
                    keys.add(PAIR_SKELETON + skeleton);
                }
                // its w and y may be vowels (u, i) the listed spelling writes as such: "ywsf" / "yusuf"
                String vowelled = SpellingFolds.skeleton(tokens[i].replace("w", "").replace("y", ""));
                if (vowelled.length() >= 2) {
                    keys.add(SKELETON + vowelled);
                }
            } else if (skeleton.length() >= TokenSimilarity.MIN_LATIN_SKELETON) {
                int length = tokens[i].length();
                for (int l = length - 1; l <= length + 1; l++) {
                    keys.add(LATIN_SKELETON + skeleton + "/" + l);
                }
            }
            groups.add(new KeyGroup(keys, i, KeyGroup.TOKEN));
            if (i + 1 < tokens.length) {
                List<String> pairKeys = editKeys(tokens[i] + tokens[i + 1]);
                if (prepared != null && (prepared.isLossy(i) || prepared.isLossy(i + 1))
                        && "l".equals(SpellingFolds.skeleton(tokens[i + 1])) && tokens[i + 1].startsWith("al")) {
                    pairKeys.add(SKELETON + SpellingFolds.skeleton(tokens[i] + tokens[i + 1]));
                }
                groups.add(new KeyGroup(pairKeys, i, KeyGroup.PAIR));
            }
            if (i + 2 < tokens.length) {
                groups.add(new KeyGroup(editKeys(tokens[i] + tokens[i + 1] + tokens[i + 2]), i, KeyGroup.TRIPLE));
            }
            for (int len = 2; len <= KeyGroup.MAX_RUN && i + len <= tokens.length; len++) {
                String initials = NameScorer.initials(tokens, i, len);
                if (initials != null) {
                    groups.add(new KeyGroup(List.of(initials), i, KeyGroup.RUN2 + len - 2));
                }
            }
        }
        return groups;
    }

    /**
     * Whether a name filed under {@code listedKeys} is a candidate for a query with these groups: the same
     * test as {@link #candidates}, for one name and without an index (weights summed in lookup order).
     */
    static boolean covers(List<KeyGroup> groups, PreparedName query, Set<String> listedKeys, double minCoverage) {
        double[] weights = query.weights();
        double hit = 0;
        for (KeyGroup group : groups) {
            for (String key : group.keys()) {
                if (listedKeys.contains(key)) {
                    hit += group.weight(weights);
                    break;
                }
            }
        }
        return hit >= minCoverage * query.totalWeight() - 1e-9;
    }

    /**
     * A query's share of a name's candidacy: whether the name holds any of the keys decides whether the
     * weight of tokens first..first+span-1 counts toward the name's coverage.
     *
     * @param kind TOKEN, PAIR, TRIPLE or RUN2..RUN5 (initials of a run of 2..5 tokens)
     */
    record KeyGroup(List<String> keys, int first, int kind) {
        static final int TOKEN = 0;
        static final int PAIR = 1;
        static final int TRIPLE = 2;
        static final int RUN2 = 3;
        static final int MAX_RUN = 5;

        static int span(int kind) {
            return switch (kind) {
                case TOKEN -> 1;
                case PAIR -> 2;
                case TRIPLE -> 3;
                default -> kind - RUN2 + 2;
            };
        }

        /** The weight of the tokens the group covers, summed left to right as every caller must. */
        double weight(double[] weights) {
            double sum = weights[first];
            for (int k = first + 1; k < first + span(kind); k++) {
                sum += weights[k];
            }
            return sum;
        }
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
