package io.kycflow.screening.match;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * How alike two name tokens are, 0..1: a blend of edit distance (with transpositions, so "Marcon" is one
 * edit from "Macron") and Jaro-Winkler (which forgives endings: "Tokayev"/"Tukayev"), reduced for each
 * edit beyond the first (one slip is a typo at any length; three edits are usually another name), lifted to
 * a floor when both sound the same (Double Metaphone, or one Chinese syllable in two romanisations), lifted
 * less for the same letters reordered, an initial standing for any name with that letter, and two different
 * numbers (digits or Roman numerals) taken as a near variant.
 */
final class TokenSimilarity {
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();
    /**
     * The whole token's sound, not the library's default first four sounds: cut at four, long names that
     * only begin alike sound the same ("Albano"/"Albanese", "Volkswerk"/"Volkswagen", "Sparkles"/"Sporks").
     */
    private static final int PHONETIC_CODE_LENGTH = 32;

    static {
        METAPHONE.setMaxCodeLen(PHONETIC_CODE_LENGTH); // set once before any use, so safe to share across threads
    }

    /** Similarity of a given name and its usual short form (as an initial: the same name, not proof). */
    static final double NICKNAME_SIMILARITY = 0.85;

    private final MatchTuning tuning;

    TokenSimilarity(MatchTuning tuning) {
        this.tuning = tuning;
    }

    static String phoneticKey(String token) {
        if (token.length() < 3 || !Character.isLetter(token.charAt(0))) {
            return "";
        }
        String code = METAPHONE.doubleMetaphone(token);
        return code == null ? "" : code;
    }

    /**
     * Similarity of two names' spellings of one national form ("wladimirowitsch" / "vladimirovich",
     * "poetin" / "putin"): the same name, but a rule rather than the letters says so.
     */
    static final double NATIONAL_SPELLING_SIMILARITY = 0.90;
    /**
     * Similarity of a token from a script written without its vowels (or with vowels of its own) to one with
     * the same consonant skeleton ("bwtyn" / "putin"): nearly all such a script can tell.
     */
    static final double SCRIPT_SKELETON_SIMILARITY = 0.90;
    /**
     * Similarity of two Latin tokens with the same skeleton of at least {@link #MIN_LATIN_SKELETON}
     * consonant classes ("volodymyr" / "vladimir", "oleksandr" / "aleksandr"): lower, as Latin spellings
     * keep their vowels and two names may share consonants.
     */
    static final double LATIN_SKELETON_SIMILARITY = 0.85;
    static final int MIN_LATIN_SKELETON = 4;
    /** Skeleton similarity of one and of two consonant classes: enough to align, too little to match alone. */
    static final double[] SHORT_SKELETON_SIMILARITY = {0.75, 0.80};
    static final int MIN_SCRIPT_SKELETON = 1;

    /** Token i of q against token j of c, with the national-spelling and consonant-skeleton rules. */
    double similarity(PreparedName q, int i, PreparedName c, int j) {
        double sim = similarity(q.tokens()[i], q.phonetic()[i], c.tokens()[j], c.phonetic()[j]);
        if (sim >= NATIONAL_SPELLING_SIMILARITY) {
            return sim;
        }
        // Only the query's script counts: a listed name in Arabic script is matched by its own letters, and
        // the entity's Latin names serve Latin queries (compared by skeleton they would hit many Latin names).
        boolean lossy = q.isLossy(i);
        // restoring vowels needs the skeletons to agree, with w and y read as consonants or as vowels (the
        // same keys the candidate index looks up): a cheap test that spares the comparison most pairs
        if (lossy && !c.isLossy(j) && (q.skeleton()[i].equals(c.skeleton()[j]) || q.vowelled()[i].equals(c.skeleton()[j]))) {
            String abjad = q.tokens()[i];
            String latin = c.tokens()[j];
            if (Character.isLetter(abjad.charAt(0)) && Character.isLetter(latin.charAt(0))
                    && SpellingFolds.vowelsRestored(abjad, latin)) {
                return Math.max(sim, q.skeleton()[i].length() >= 2
                        ? VOWELS_RESTORED_SIMILARITY : VOWELS_RESTORED_SHORT_SIMILARITY);
            }
        }
        if (!lossy && (!sameStart(q.tokens()[i], c.tokens()[j])
                || Math.abs(q.tokens()[i].length() - c.tokens()[j].length()) > 1)) {
            // Latin spellings of one name keep its first sound and about its length: "Robert" / "Alberto"
            // and "Castillo" / "Castro" share a skeleton, not a name
            return foldsEqual(q.folded()[i], c.folded()[j]) ? Math.max(sim, NATIONAL_SPELLING_SIMILARITY) : sim;
        }
        return Math.max(sim, ruleSimilarity(q.folded()[i], q.skeleton()[i], c.folded()[j], c.skeleton()[j], lossy));
    }

    /**
     * A word of a script without short vowels whose letters, in order, are the Latin spelling's with its
     * vowels left out ("hsyny" / "husseini"): closer than a shared skeleton, which ignores the vowel letters
     * the script does write. Lower for a word of one consonant ("ly" / "ali").
     */
    static final double VOWELS_RESTORED_SIMILARITY = 0.92;
    static final double VOWELS_RESTORED_SHORT_SIMILARITY = 0.88;

    private static boolean foldsEqual(String a, String b) {
        return a.length() >= 3 && a.equals(b);
    }

    /** Both start with a vowel, or with consonants of one skeleton class. */
    static boolean sameStart(String a, String b) {
        return SpellingFolds.consonantClass(a.charAt(0)) == SpellingFolds.consonantClass(b.charAt(0));
    }

    /** The similarity a rule gives two tokens by their fold and skeleton, 0 when none applies. */
    static double ruleSimilarity(String foldA, String skeletonA, String foldB, String skeletonB, boolean lossy) {
        if (foldA.equals(foldB) && foldA.length() >= 3) {
            return NATIONAL_SPELLING_SIMILARITY;
        }
        if (!skeletonA.equals(skeletonB)) {
            return 0.0;
        }
        if (lossy) {
            // one or two consonants are shared by chance by many names ("ly" / "Lee", "hsn" / "Hassan"): less
            return switch (skeletonA.length()) {
                case 0 -> 0.0;
                case 1 -> SHORT_SKELETON_SIMILARITY[0];
                case 2 -> SHORT_SKELETON_SIMILARITY[1];
                default -> SCRIPT_SKELETON_SIMILARITY;
            };
        }
        return skeletonA.length() >= MIN_LATIN_SKELETON ? LATIN_SKELETON_SIMILARITY : 0.0;
    }

    /** Two whole strings (joined tokens) by the rules, as {@link #ruleSimilarity}. */
    static double ruleSimilarity(String a, String b, boolean lossy) {
        return ruleSimilarity(SpellingFolds.fold(a), SpellingFolds.skeleton(a), SpellingFolds.fold(b),
                SpellingFolds.skeleton(b), lossy);
    }

    double similarity(String a, String phoneticA, String b, String phoneticB) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (isNumber(a) && isNumber(b)) {
            // Another number in the same name ("Fund III" / "Fund IV", "Trust 2004-1" / "2005-1") is a
            // sibling in a series or a slip: a near variant for review, never an exact match.
            return tuning.numberVariantSimilarity();
        }
        if (Nicknames.variants(a, b)) {
            // "Bill" / "William", "Bibi" / "Benjamin": a known short form, not a spelling.
            return NICKNAME_SIMILARITY;
        }
        if (a.length() == 1 || b.length() == 1) {
            return a.charAt(0) == b.charAt(0) && Character.isLetter(a.charAt(0)) ? tuning.initialSimilarity() : 0.0;
        }
        if (Character.isDigit(a.charAt(0)) || Character.isDigit(b.charAt(0))) {
            return 0.0; // a number never resembles a word
        }
        // Below minTokenSimilarity two tokens are not aligned at all, so where the letter counts alone prove
        // the spelling that far apart the quadratic distances are skipped (most pairs a query meets).
        double sim = spellingUpperBound(a, b) < tuning.minTokenSimilarity() ? 0.0 : spelling(a, b);
        if (sim < tuning.phoneticFloor() && (!phoneticA.isEmpty() && phoneticA.equals(phoneticB)
                || ChineseSyllables.sameSound(a, b))) {
            sim = tuning.phoneticFloor();
        }
        if (sim < REORDERED_LETTERS_SIMILARITY && sameLettersReordered(a, b)) {
            sim = REORDERED_LETTERS_SIMILARITY;
        }
        return sim;
    }

    /** Edit-distance ratio blended with Jaro-Winkler, each edit beyond the first costing extra. */
    private double spelling(String a, String b) {
        int edits = osaDistance(a, b);
        return blend(1.0 - (double) edits / Math.max(a.length(), b.length()), jaroWinkler(a, b), edits);
    }

    private double blend(double editRatio, double jaroWinkler, int edits) {
        double share = tuning.levenshteinShare();
        double sim = share * editRatio + (1 - share) * jaroWinkler;
        if (edits > 1 && tuning.extraEditCost() > 0) {
            // A ratio forgives long tokens too much: "Castillo"/"Castro" are three edits and two names.
            sim *= Math.pow(1 - tuning.extraEditCost(), edits - 1);
        }
        return sim;
    }

    /**
     * At least {@link #spelling} for any two tokens: the letters one has more of than the other must each
     * be edited, so they bound the distance from below, and Jaro-Winkler is at most 1.
     */
    double spellingUpperBound(String a, String b) {
        int edits = letterCountDistance(a, b);
        return blend(1.0 - (double) edits / Math.max(a.length(), b.length()), 1.0, edits);
    }

    /** The larger of the letters a has more of than b and those b has more of than a (a lower bound of OSA). */
    static int letterCountDistance(String a, String b) {
        int[] count = new int[36]; // tokens are a-z and 0-9 after normalisation
        for (int i = 0; i < a.length(); i++) {
            count[slot(a.charAt(i))]++;
        }
        int surplus = a.length(); // letters of a not found in b
        int deficit = 0; // letters of b not found in a
        for (int i = 0; i < b.length(); i++) {
            int k = slot(b.charAt(i));
            if (count[k] > 0) {
                count[k]--;
                surplus--;
            } else {
                deficit++;
            }
        }
        return Math.max(surplus, deficit);
    }

    /** a-z to 0-25, anything else (digits) to 26-35; a shared slot only lowers the bound, never raises it. */
    private static int slot(char c) {
        return c >= 'a' && c <= 'z' ? c - 'a' : 26 + (c % 10);
    }

    /**
     * Similarity of a token written with its letters reversed or shuffled ("nituP" for Putin), a
     * deliberate evasion edit distance cannot see; lower than a sound-alike, since it is no spelling.
     */
    static final double REORDERED_LETTERS_SIMILARITY = 0.8;
    /** Shorter tokens share their letters by chance too often ("Omar" / "Roma", "Amir" / "Mira"). */
    private static final int MIN_REORDERED_LENGTH = 5;

    /** The same letters, each as often, in another order. */
    static boolean sameLettersReordered(String a, String b) {
        if (a.length() != b.length() || a.length() < MIN_REORDERED_LENGTH) {
            return false;
        }
        int sumA = 0;
        int sumB = 0;
        for (int i = 0; i < a.length(); i++) {
            sumA += a.charAt(i) * a.charAt(i);
            sumB += b.charAt(i) * b.charAt(i);
        }
        if (sumA != sumB) {
            return false; // cheap and almost always decisive: no counting array for most pairs
        }
        int[] count = new int[128];
        for (int i = 0; i < a.length(); i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca >= 128 || cb >= 128) {
                return false;
            }
            count[ca]++;
            count[cb]--;
        }
        for (int c : count) {
            if (c != 0) {
                return false;
            }
        }
        return true;
    }

    /** Digits, or a Roman numeral of up to four letters from I, V and X ("iii", "xiv"). */
    static boolean isNumber(String token) {
        if (Character.isDigit(token.charAt(0))) {
            for (int i = 0; i < token.length(); i++) {
                if (!Character.isDigit(token.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
        if (token.length() > 4) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char ch = token.charAt(i);
            if (ch != 'i' && ch != 'v' && ch != 'x') {
                return false;
            }
        }
        return true;
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transposition. */
    static int osaDistance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    static double jaroWinkler(String a, String b) {
        int la = a.length();
        int lb = b.length();
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] ma = new boolean[la];
        boolean[] mb = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!mb[j] && a.charAt(i) == b.charAt(j)) {
                    ma[i] = true;
                    mb[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < la; i++) {
            if (ma[i]) {
                while (!mb[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(la, lb)) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
