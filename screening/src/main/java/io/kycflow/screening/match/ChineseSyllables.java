package io.kycflow.screening.match;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a Chinese syllable sounds, whichever romanisation wrote it: Pinyin "Xi Jinping" is Wade-Giles "Hsi
 * Chin-p'ing", and ears write the same sound "Shi" or "Si". Double Metaphone cannot see this (it spells x,
 * hs and sh apart, and skips tokens under three letters), so the sibilant and affricate initials are folded
 * into three classes and the Wade-Giles finals written as Pinyin. Only tokens that parse as one syllable
 * (initial + final) get a key, so ordinary words are left alone.
 */
final class ChineseSyllables {
    /** Initials longest first, each with its sound class (unlisted initials stand for themselves). */
    private static final List<String> INITIALS = List.of("zh", "ch", "sh", "hs", "ts", "tz", "ss", "sz",
            "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w");
    private static final Map<String, String> INITIAL_CLASS = Map.ofEntries(
            // x (Pinyin), hs (Wade-Giles) and s / sh as heard: "Xi", "Hsi", "Si", "Shi"
            Map.entry("x", "s"), Map.entry("hs", "s"), Map.entry("sh", "s"), Map.entry("ss", "s"),
            Map.entry("sz", "s"), Map.entry("s", "s"),
            // Wade-Giles ch stands for Pinyin j, zh, q and ch: "Chin" / "Jin", "Chang" / "Zhang"
            Map.entry("j", "j"), Map.entry("zh", "j"), Map.entry("ch", "j"), Map.entry("q", "j"),
            // Wade-Giles ts / tz for Pinyin z and c: "Tsao" / "Cao"
            Map.entry("ts", "z"), Map.entry("tz", "z"), Map.entry("z", "z"), Map.entry("c", "z"));
    /** Wade-Giles finals with their Pinyin spelling; other finals are the same in both. */
    private static final Map<String, String> WADE_GILES_FINALS = Map.of("ih", "i", "ien", "ian", "ieh", "ie",
            "ung", "ong", "iung", "iong", "eh", "e", "uei", "ui");
    private static final Set<String> FINALS = Set.of("a", "o", "e", "i", "u", "ai", "ei", "ao", "ou", "an", "en",
            "ang", "eng", "ong", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai", "ui",
            "uan", "un", "uang", "ue", "ih", "ien", "ieh", "ung", "iung", "eh", "uei");

    private ChineseSyllables() {
    }

    /**
     * The sound of a one-syllable token whose initial is a sibilant or affricate ("shi" → "s|i"), or null
     * for any other token: the other initials are spelt alike in both systems or too ambiguous to fold.
     */
    static String soundKey(String token) {
        if (token.length() < 2 || token.length() > 6 || "xhsjzcqt".indexOf(token.charAt(0)) < 0) {
            return null; // not a sibilant or affricate initial: most tokens leave here
        }
        for (String initial : INITIALS) {
            if (token.startsWith(initial)) {
                String cls = INITIAL_CLASS.get(initial);
                String fin = token.substring(initial.length());
                if (cls == null || !FINALS.contains(fin)) {
                    return null;
                }
                return cls + "|" + WADE_GILES_FINALS.getOrDefault(fin, fin);
            }
        }
        return null;
    }

    /** Two different spellings of one sibilant or affricate syllable ("xi" / "hsi" / "shi"). */
    static boolean sameSound(String a, String b) {
        String ka = soundKey(a);
        return ka != null && ka.equals(soundKey(b));
    }
}
