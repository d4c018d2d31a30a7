package io.kycflow.screening.match;

import java.util.regex.Pattern;

/**
 * Two general keys under which one name written by different languages meets itself; both are computed
 * from a normalised (ASCII, lower-case) token, the same way on both sides of a comparison.
 *
 * <p>The <b>national-spelling fold</b> rewrites the letter groups by which European languages write the
 * same sounds of a (mostly Slavic) name: German and Polish w for v and -witsch/-owicz for -ovich, Dutch oe
 * and French ou for u, Hungarian gy/ty (soft d/t, "Vlagyimir", "Putyin"), cs, sz and zs, Czech/Slovak and
 * Polish cz/sz, Belarusian dz and a leading u for v ("Uladzimir"), Ukrainian y for i, and the Lithuanian and
 * Latvian case endings -as, -is, -ys, -us, -s ("Putinas", "Vladimirs").
 *
 * <p>The <b>consonant skeleton</b> keeps only consonants, folded into classes that transcriptions swap
 * (labials b/p/f/v/w, velars k/g/q/x, dentals t/d with the affricates c/ch/j, sibilants s/z, liquids
 * l/r), with doubled letters collapsed. Scripts that write no short vowels (Arabic, Persian, Urdu, Hebrew)
 * or add vowels of their own (Japanese kana, Devanagari, Bengali, Burmese, Khmer) agree with the English
 * form on little more than this: "bwtyn" (بوتين), "puchin" (プーチン), "putina" (पुतिन) and "putin" are all
 * "btn".
 */
final class SpellingFolds {
    /** Patronymic endings of East Slavic names in the spellings of other languages, as "ovich". */
    private static final Pattern PATRONYMIC = Pattern.compile(
            "[aeiouy]?[vw][iy](tsch|tch|tsj|tj|ch|cz|cs|c|ts|sh|sj|tsh)$");
    /** The feminine patronymic: -ovna, -evna, -ivna (Ukrainian), -auna (Belarusian). */
    private static final Pattern FEMININE_PATRONYMIC = Pattern.compile("[aeiouy][vwu]na$");
    /** Lithuanian -as, -is, -ys, -us and Latvian -s after a consonant, on a long enough stem. */
    private static final Pattern BALTIC_ENDING = Pattern.compile("(?<=[^aeiouy])(as|is|ys|us|s)$");
    private static final int MIN_BALTIC_LENGTH = 6;

    private SpellingFolds() {
    }

    /** The national-spelling fold of a token ("wladimirowitsch" → "vladimirovich", "poetin" → "putin"). */
    static String fold(String token) {
        if (token.length() < 3 || !Character.isLetter(token.charAt(0))) {
            return token;
        }
        String t = token;
        if (t.length() >= MIN_BALTIC_LENGTH && !t.endsWith("ss")) {
            t = BALTIC_ENDING.matcher(t).replaceFirst("");
        }
        t = PATRONYMIC.matcher(t).replaceFirst("ovich");
        if (t.length() >= 7) {
            t = FEMININE_PATRONYMIC.matcher(t).replaceFirst("ovna");
        }
        StringBuilder b = new StringBuilder(t.length());
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            char next = i + 1 < n ? t.charAt(i + 1) : 0;
            char after = i + 2 < n ? t.charAt(i + 2) : 0;
            if (i == 0 && c == 'u' && isConsonant(next) && next != 'n' && next != 'm' && next != 's') {
                b.append('v'); // Belarusian ў / leading u for v: "Uladzimir"
            } else if (c == 't' && next == 's' && after == 'c' && i + 3 < n && t.charAt(i + 3) == 'h') {
                b.append("ch"); // German tsch
                i += 3;
            } else if (c == 's' && next == 'c' && after == 'h') {
                b.append("sh"); // German sch
                i += 2;
            } else if (c == 'c' && (next == 'z' || next == 's')) {
                b.append("ch"); // Polish cz, Hungarian cs
                i++;
            } else if (c == 's' && next == 'z') {
                b.append("sh"); // Polish sz
                i++;
            } else if (c == 'z' && next == 's') {
                b.append("zh"); // Hungarian zs
                i++;
            } else if (c == 'd' && next == 'z' && after != 'h') {
                b.append('d'); // Belarusian дз for the soft d
                i++;
            } else if ((c == 'g' || c == 't') && next == 'y' && isVowel(after)) {
                b.append(c == 'g' ? 'd' : 't'); // Hungarian gy, ty: "Vlagyimir", "Putyin"
                i++;
            } else if (c == 'o' && next == 'e') {
                b.append('u'); // Dutch oe: "Poetin"
                i++;
            } else if (c == 'o' && next == 'u') {
                b.append('u'); // French, Greek ou: "Poutine"
                i++;
            } else if (c == 'p' && next == 'h') {
                b.append('f');
                i++;
            } else if (c == 'w') {
                b.append('v');
            } else if (c == 'y' && i > 0 && isConsonant(t.charAt(i - 1)) && isConsonant(next)) {
                b.append('i'); // Ukrainian и as y: "Volodymyr", "Dmytro"
            } else if (c == 'e' && i == n - 1 && t.endsWith("ine") && n >= 6) {
                // French final e after -in ("Poutine"): silent
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The consonant skeleton of a token ("vladimir" → "bltml", "bwtyn" → "btn"); "" for a number. */
    static String skeleton(String token) {
        if (token.isEmpty() || !Character.isLetter(token.charAt(0))) {
            return "";
        }
        String t = fold(token);
        StringBuilder b = new StringBuilder(t.length());
        int n = t.length();
        char last = 0;
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            char next = i + 1 < n ? t.charAt(i + 1) : 0;
            char cls;
            if (c == 'h') {
                continue; // kh, sh, th, dh, bh, gh and a lone h: transcriptions drop or add it freely
            } else if (c == 'n' && next == 'g') {
                cls = 'n'; // kana and hangul write ng as n
                i++;
            } else {
                cls = consonantClass(c);
            }
            if (cls == 0) {
                continue; // a vowel (or y, a vowel letter in Arabic and Hebrew romanisation)
            }
            if (cls != last) {
                b.append(cls);
            }
            last = cls;
        }
        return b.toString();
    }

    /** A consonant's skeleton class, 0 for a vowel, h or anything else. */
    static char consonantClass(char c) {
        return switch (c) {
            case 'b', 'p', 'f', 'v', 'w' -> 'b';
            case 'k', 'g', 'q', 'x' -> 'k';
            case 't', 'd', 'c', 'j' -> 't';
            case 's', 'z' -> 's';
            case 'l', 'r' -> 'l';
            case 'm' -> 'm';
            case 'n' -> 'n';
            default -> 0;
        };
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    private static boolean isConsonant(char c) {
        return c >= 'a' && c <= 'z' && !isVowel(c);
    }

    /**
     * Whether a Latin spelling is a romanised abjad word with its short vowels put back ("ly" / "ali",
     * "hsyny" / "husseini", "bwtyn" / "putin"): each of the word's letters matches in order (w standing for
     * u, o, v or w, y for i, e or y, a for a or e, consonants within their skeleton class), the word's a and h
     * may stand for nothing, and the Latin letters left over are vowels, h or a doubled letter.
     */
    static boolean vowelsRestored(String abjad, String latin) {
        int n = abjad.length();
        int m = latin.length();
        if (m < n - 2 || m > 2 * n + 3) {
            return false;
        }
        boolean[][] ok = new boolean[n + 1][m + 1]; // ok[i][j]: abjad[i..] matches latin[j..]
        ok[n][m] = true;
        for (int j = m - 1; j >= 0; j--) {
            ok[n][j] = ok[n][j + 1] && skippableLatin(latin, j);
        }
        for (int i = n - 1; i >= 0; i--) {
            char a = abjad.charAt(i);
            boolean silent = a == 'a' || a == 'h';
            ok[i][m] = silent && ok[i + 1][m];
            for (int j = m - 1; j >= 0; j--) {
                ok[i][j] = (compatible(a, latin.charAt(j)) && ok[i + 1][j + 1])
                        || (skippableLatin(latin, j) && ok[i][j + 1])
                        || (silent && ok[i + 1][j]);
            }
        }
        return ok[0][0];
    }

    private static boolean skippableLatin(String latin, int j) {
        char c = latin.charAt(j);
        return isVowel(c) || c == 'h' || (j > 0 && latin.charAt(j - 1) == c);
    }

    private static boolean compatible(char abjad, char latin) {
        if (abjad == latin) {
            return true;
        }
        return switch (abjad) {
            case 'w' -> latin == 'u' || latin == 'o' || latin == 'v';
            case 'y' -> latin == 'i' || latin == 'e' || latin == 'j';
            case 'a' -> latin == 'e' || latin == 'i';
            // the letters a script without them writes for p and v, and the spellings of q and j
            case 'b' -> latin == 'p';
            case 'f' -> latin == 'v';
            case 'q' -> latin == 'k' || latin == 'g';
            case 'k' -> latin == 'c' || latin == 'q';
            case 'j' -> latin == 'g' || latin == 'd';
            case 'z' -> latin == 's';
            default -> false;
        };
    }
}
