package io.kycflow.screening.match;

import com.ibm.icu.text.Transliterator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a name in Latin letters run by run of one script, and says which words came from a script whose
 * romanisation is far from the English form (so scoring may compare their consonant skeletons, see
 * {@link SpellingFolds}).
 *
 * <p>ICU4J's transliterators serve every script they know. Three are done here instead or first: Hangul is
 * read syllable by syllable in a McCune-Reischauer-like spelling (the one the lists use for Korean names:
 * 김정은 → "kim jong un", where ICU gives "gimjeong-eun"); Khmer, for which ICU has no transliterator, by a
 * table of its consonants and vowel signs; Greek's consonant digraphs (ντ, μπ, γκ) are read as the sounds
 * they stand for before ICU ("Βλαντιμίρ" → "vladimir"). Arabic's article is split from the word it is
 * written onto ("الظواهري" → "al zwahry"), as the lists write it.
 */
final class ScriptRomaniser {
    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern KANA_FINAL_U = Pattern.compile("(?<=[bdfgkmnprstvz])u(?![A-Za-z])");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`ʼʻ´]");
    /** Korean names are a surname and a given name of one or two syllables; longer words are foreign names. */
    private static final int MAX_SYLLABLES_READ_APART = 3;

    /** The romanised text, the tokens that came from a script written without its vowels, and a line per script. */
    record Romanised(String text, Set<String> lossyTokens, List<String> notes) {
    }

    private ScriptRomaniser() {
    }

    static Romanised romanise(String text) {
        // Persian and Urdu write the zero-width non-joiner inside a word ("خامنه‌ای"): it is no word break.
        text = text.replace("\u200C", "");
        StringBuilder out = new StringBuilder(text.length() + 8);
        Set<String> lossy = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            Character.UnicodeScript script = scriptOf(cp);
            int end = i + Character.charCount(cp);
            // A run: code points of one script, with the spaces and marks (Common, Inherited) inside it.
            while (end < text.length()) {
                int next = text.codePointAt(end);
                Character.UnicodeScript s = scriptOf(next);
                if (s != script && s != Character.UnicodeScript.COMMON && s != Character.UnicodeScript.INHERITED) {
                    break;
                }
                if (s == Character.UnicodeScript.COMMON && script != Character.UnicodeScript.COMMON && nextLetterChangesScript(text, end, script)) {
                    break;
                }
                end += Character.charCount(next);
            }
            String run = text.substring(i, end);
            String latin = romaniseRun(run, script, notes);
            out.append(' ').append(latin).append(' ');
            if (isLossy(script) || (script == Character.UnicodeScript.HANGUL && latin.contains("\u0001"))) {
                for (String t : NON_ALNUM.split(APOSTROPHES.matcher(latin.toLowerCase(Locale.ROOT)).replaceAll(""))) {
                    if (!t.isEmpty()) {
                        lossy.add(t);
                    }
                }
            }
            i = end;
        }
        return new Romanised(out.toString().replace("\u0001", ""), lossy, new ArrayList<>(notes));
    }

    /** Whether the next letter after position from belongs to another script than the run's. */
    private static boolean nextLetterChangesScript(String text, int from, Character.UnicodeScript script) {
        for (int k = from; k < text.length(); ) {
            int cp = text.codePointAt(k);
            Character.UnicodeScript s = scriptOf(cp);
            if (s != Character.UnicodeScript.COMMON && s != Character.UnicodeScript.INHERITED) {
                return s != script;
            }
            k += Character.charCount(cp);
        }
        return false;
    }

    private static Character.UnicodeScript scriptOf(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        // The katakana middle dot and prolonged sound mark are Common; keep them inside their run.
        return cp == 0x30FB || cp == 0x30FC ? Character.UnicodeScript.KATAKANA : s;
    }

    /** Whether the text holds a letter of a script whose words are compared by consonant skeleton. */
    static boolean hasSkeletonScript(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp > 0x36F) {
                Character.UnicodeScript s = Character.UnicodeScript.of(cp);
                if (isLossy(s) || s == Character.UnicodeScript.HANGUL) {
                    return true;
                }
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /**
     * Scripts whose romanisation is far from the English form of a name: abjads that write no short vowels,
     * syllabaries and abugidas that add vowels of their own, and Greek, whose letters English spells apart.
     */
    static boolean isLossy(Character.UnicodeScript s) {
        return switch (s) {
            case ARABIC, HEBREW, SYRIAC, THAANA, KATAKANA, HIRAGANA, DEVANAGARI, BENGALI, GURMUKHI, GUJARATI,
                 ORIYA, TAMIL, TELUGU, KANNADA, MALAYALAM, SINHALA, MYANMAR, KHMER, THAI, LAO, GREEK, ETHIOPIC,
                 GEORGIAN, ARMENIAN -> true;
            default -> false;
        };
    }

    private static String romaniseRun(String run, Character.UnicodeScript script, Set<String> notes) {
        switch (script) {
            case HANGUL -> {
                notes.add("Hangul read syllable by syllable (McCune-Reischauer-like)");
                return Hangul.romanise(run);
            }
            case KHMER -> {
                notes.add("Khmer read by a table of its letters, compared by consonant skeleton");
                return Khmer.romanise(run);
            }
            case GREEK -> {
                notes.add("Greek romanised (ντ, μπ, γκ read d, b, g), compared by consonant skeleton");
                return TO_LATIN.get().transliterate(greekDigraphs(run));
            }
            case HAN -> {
                notes.add("Chinese characters read as pinyin");
                return TO_LATIN.get().transliterate(run);
            }
            case ARABIC -> {
                notes.add("Arabic script romanised (ICU), compared by consonant skeleton");
                return TO_LATIN.get().transliterate(splitArabicArticle(run));
            }
            case KATAKANA, HIRAGANA -> {
                notes.add(title(script) + " romanised (ICU), epenthetic final u dropped, compared by consonant skeleton");
                // kana end every consonant with a vowel: "kimu" is Kim, "urajimiru" Vladimir
                return KANA_FINAL_U.matcher(TO_LATIN.get().transliterate(run)).replaceAll("");
            }
            case LATIN, COMMON, INHERITED, CYRILLIC -> {
                return TO_LATIN.get().transliterate(run);
            }
            default -> {
                if (isLossy(script)) {
                    notes.add(title(script) + " script romanised (ICU), compared by consonant skeleton");
                }
                return TO_LATIN.get().transliterate(run);
            }
        }
    }

    private static String title(Character.UnicodeScript s) {
        String n = s.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** The article ال written onto a word is a word of its own in the lists ("al-Zawahiri"). */
    private static String splitArabicArticle(String run) {
        StringBuilder b = new StringBuilder(run.length() + 4);
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            boolean wordStart = i == 0 || Character.isWhitespace(run.charAt(i - 1));
            if (wordStart && c == '\u0627' && i + 3 < run.length() && run.charAt(i + 1) == '\u0644'
                    && Character.isLetter(run.charAt(i + 2)) && Character.isLetter(run.charAt(i + 3))
                    && !run.startsWith("\u0644\u0647", i + 2)) { // الله (Allah) is one word: "Nasrallah"
                b.append("\u0627\u0644 ");
                i++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Modern Greek writes d, b and g as ντ, μπ and γκ, and β sounds v. */
    private static String greekDigraphs(String run) {
        String s = run.toLowerCase(Locale.ROOT);
        return s.replace("ντ", "d").replace("μπ", "b").replace("γκ", "g").replace("γγ", "ng").replace("β", "v");
    }

    /** Hangul syllables: initial, medial and final jamo in the spelling the lists use for Korean names. */
    static final class Hangul {
        private static final String[] INITIAL = {"k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "",
                "j", "jj", "ch", "k", "t", "p", "h"};
        private static final String[] MEDIAL = {"a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae",
                "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"};
        private static final String[] FINAL = {"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l",
                "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"};

        private Hangul() {
        }

        /**
         * A word of up to three syllables (a Korean name) is read apart, one token a syllable, as the lists
         * write "Kim Jong Un"; a longer word is a foreign name and stays one token, marked with \u0001 so
         * its token is compared by consonant skeleton.
         */
        static String romanise(String run) {
            StringBuilder out = new StringBuilder();
            StringBuilder word = new StringBuilder();
            int syllables = 0;
            List<String> parts = new ArrayList<>();
            for (int i = 0; i <= run.length(); i++) {
                char c = i < run.length() ? run.charAt(i) : ' ';
                if (c >= 0xAC00 && c <= 0xD7A3) {
                    int s = c - 0xAC00;
                    parts.add(INITIAL[s / (21 * 28)] + MEDIAL[(s % (21 * 28)) / 28] + FINAL[s % 28]);
                    syllables++;
                    continue;
                }
                if (syllables > 0) {
                    word.append(syllables <= MAX_SYLLABLES_READ_APART ? String.join(" ", parts)
                            : "\u0001" + String.join("", parts));
                    out.append(' ').append(word).append(' ');
                    word.setLength(0);
                    parts.clear();
                    syllables = 0;
                }
                out.append(c);
            }
            return out.toString();
        }
    }

    /** Khmer, which ICU does not transliterate: consonants, independent vowels and vowel signs. */
    static final class Khmer {
        /** U+1780..U+17A2: the consonants. */
        private static final String[] CONSONANTS = {"k", "kh", "k", "kh", "ng", "ch", "chh", "ch", "chh", "nh",
                "d", "th", "d", "th", "n", "t", "th", "t", "th", "n", "b", "ph", "p", "ph", "m", "y", "r", "l", "v",
                "s", "s", "s", "h", "l", ""};
        /** U+17B6..U+17C5: the dependent vowel signs. */
        private static final String[] VOWEL_SIGNS = {"a", "i", "i", "e", "eu", "u", "u", "uo", "ae", "oe", "ie",
                "e", "ae", "ai", "ao", "au"};

        private Khmer() {
        }

        static String romanise(String run) {
            StringBuilder b = new StringBuilder(run.length() * 2);
            for (int i = 0; i < run.length(); i++) {
                char c = run.charAt(i);
                if (c >= 0x1780 && c <= 0x17A2) {
                    b.append(CONSONANTS[c - 0x1780]);
                } else if (c >= 0x17A3 && c <= 0x17B3) {
                    b.append(c <= 0x17A8 ? "a" : c <= 0x17AE ? "e" : "o"); // independent vowels
                } else if (c >= 0x17B6 && c <= 0x17C5) {
                    b.append(VOWEL_SIGNS[c - 0x17B6]);
                } else if (c >= 0x17C6 && c <= 0x17DD) {
                    // signs (nikahit, coeng, diacritics): the skeleton needs none of them
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }
    }
}
