package io.kycflow.screening.match;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a name as written anywhere (any script, case, punctuation, titles) into comparable ASCII tokens.
 * Both sides of every comparison go through this, so the choices here only need to be consistent, not
 * linguistically perfect: "Путин" and "Putin" must end up as the same token.
 */
public final class NameNormaliser {
    private static final Pattern CAMEL_CASE = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu}\\p{Ll})");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`ʼʻ´]");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    /** Honorifics and titles: they say nothing about who someone is, and lists write them inconsistently. */
    static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mister", "dr", "doctor", "prof", "professor",
            "sir", "dame", "lord", "lady", "hon", "honorable", "honourable", "rev", "reverend", "sheikh", "shaikh",
            "sheik", "shaykh", "haji", "hajji", "hadji", "mullah", "mulla", "maulavi", "mawlawi", "maulvi", "maulana",
            "mawlana", "qari", "imam", "general", "gen", "colonel", "col", "captain", "capt", "major", "maj", "lt",
            "lieutenant", "brigadier", "brig", "admiral", "adm", "sgt", "sergeant", "president", "minister",
            "excellency", "his", "her", "ayatollah", "emir", "amir", "prince", "princess", "king", "queen", "jr",
            "sr", "junior", "senior",
            // the same offices and forms of address in other languages, as they read after transliteration
            // (Президент → prezident, Präsident → prasident, Шейх → sejh, elnök → elnok, úr → ur)
            "prezident", "prasident", "praesident", "presidente", "prezydent", "presidentti", "prezidentas",
            "prezidents", "predsednik", "predsjednik", "proedros", "elnok", "ur", "herr", "frau", "gospodin",
            "gospozha", "gospoza", "gospodja", "tovarishch", "tovaris", "senor", "senora", "senhor", "senhora",
            "monsieur", "madame", "mme", "mlle", "signor", "signora", "doktor", "dott", "premier", "kanzler",
            "ministr", "ministre", "ministro", "sejh", "shejkh", "sheykh", "cheikh", "scheich", "ayatullah",
            "ajatollah", "hojatoleslam", "hazrat", "janab", "ryys", "rastrapati", "rashtrapati", "kyrios");

    /** Legal forms written many ways; mapped to one spelling so "G.m.b.H." equals "GmbH". */
    static final Map<String, String> LEGAL_FORMS = Map.ofEntries(
            Map.entry("limited", "ltd"), Map.entry("incorporated", "inc"), Map.entry("corporation", "corp"),
            Map.entry("company", "co"), Map.entry("aktiengesellschaft", "ag"), Map.entry("oao", "jsc"),
            Map.entry("pao", "jsc"), Map.entry("zao", "jsc"), Map.entry("ao", "jsc"), Map.entry("ojsc", "jsc"),
            Map.entry("pjsc", "jsc"), Map.entry("cjsc", "jsc"), Map.entry("ooo", "llc"), Map.entry("tov", "llc"),
            Map.entry("sarl", "sarl"), Map.entry("srl", "srl"), Map.entry("spa", "spa"), Map.entry("plc", "plc"),
            Map.entry("lp", "lp"), Map.entry("gmbh", "gmbh"), Map.entry("bv", "bv"), Map.entry("nv", "nv"),
            Map.entry("sa", "sa"), Map.entry("llc", "llc"), Map.entry("jsc", "jsc"), Map.entry("ltd", "ltd"),
            Map.entry("inc", "inc"), Map.entry("corp", "corp"), Map.entry("co", "co"), Map.entry("ag", "ag"),
            Map.entry("bvba", "bvba"), Map.entry("as", "as"), Map.entry("ab", "ab"), Map.entry("oy", "oy"),
            Map.entry("kg", "kg"), Map.entry("pte", "pte"), Map.entry("pty", "pty"), Map.entry("fze", "fze"),
            Map.entry("fzco", "fzco"), Map.entry("llp", "llp"), Map.entry("sas", "sas"), Map.entry("kft", "kft"),
            Map.entry("ano", "ano"), Map.entry("spzoo", "spzoo"), Map.entry("sro", "sro"),
            Map.entry("mv", "mv"), Map.entry("mt", "mt"));

    /**
     * Legal forms that translations and lists swap freely ("Homs Refinery Corporation" / "Company"): never
     * taken as a conflict between two registrations.
     */
    static final Set<String> LOOSE_LEGAL_FORMS = Set.of("co", "corp", "inc", "ltd");

    /** Long legal-form words, also recognised when misspelt by an edit or two ("Aktiengeselschaft"). */
    private static final List<String> LONG_LEGAL_WORDS = List.of("aktiengesellschaft", "incorporated", "corporation");

    /** Words of company names commonly abbreviated, written out so both spellings compare. */
    private static final Map<String, String> ABBREVIATIONS = Map.of("intl", "international", "natl", "national",
            "mfg", "manufacturing", "assn", "association", "bros", "brothers", "svcs", "services");

    /** Multi-word legal forms, matched on the token sequence before single tokens are mapped. */
    private static final List<List<String>> LEGAL_PHRASES = List.of(
            List.of("public", "joint", "stock", "company"), List.of("open", "joint", "stock", "company"),
            List.of("closed", "joint", "stock", "company"), List.of("joint", "stock", "company"),
            List.of("limited", "liability", "company"), List.of("public", "limited", "company"),
            List.of("gesellschaft", "mit", "beschrankter", "haftung"),
            List.of("societatea", "cu", "raspundere", "limitata"), List.of("sp", "zoo"),
            List.of("spolka", "z", "ograniczona", "odpowiedzialnoscia"));
    private static final List<String> LEGAL_PHRASE_FORMS = List.of("jsc", "jsc", "jsc", "jsc", "llc", "plc", "gmbh",
            "srl", "spzoo", "spzoo");

    /** Connecting particles: kept (they distinguish "bin Ali" from "Ali"), but given little weight. */
    static final Set<String> PARTICLES = Set.of("al", "el", "ul", "bin", "ben", "bint", "ibn", "abu", "umm", "de", "da",
            "das", "dos", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "y", "e", "the", "of",
            "and", "und", "et", "for", "in", "bte", "binti", "bn", "ould");

    /** Particles after which comes the father's name ("Ahmad bin Hasan": Ahmad, son of Hasan). */
    static final Set<String> PATRONYMIC_PARTICLES = Set.of("bin", "ben", "bint", "binti", "bte", "bn", "ould");

    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", "1"), Map.entry("first", "1"), Map.entry("two", "2"), Map.entry("second", "2"),
            Map.entry("three", "3"), Map.entry("third", "3"), Map.entry("four", "4"), Map.entry("fourth", "4"),
            Map.entry("five", "5"), Map.entry("fifth", "5"), Map.entry("six", "6"), Map.entry("sixth", "6"),
            Map.entry("seven", "7"), Map.entry("seventh", "7"), Map.entry("eight", "8"), Map.entry("eighth", "8"),
            Map.entry("nine", "9"), Map.entry("ninth", "9"), Map.entry("ten", "10"), Map.entry("tenth", "10"),
            Map.entry("1st", "1"), Map.entry("2nd", "2"), Map.entry("3rd", "3"), Map.entry("4th", "4"),
            Map.entry("5th", "5"), Map.entry("6th", "6"), Map.entry("7th", "7"), Map.entry("8th", "8"),
            Map.entry("9th", "9"), Map.entry("10th", "10"), Map.entry("ibn", "bin"));

    /** Tens and the teens written out, as digits; a tens word followed by a unit word makes one number. */
    private static final Map<String, String> TENS = Map.ofEntries(
            Map.entry("eleven", "11"), Map.entry("twelve", "12"), Map.entry("thirteen", "13"),
            Map.entry("fourteen", "14"), Map.entry("fifteen", "15"), Map.entry("sixteen", "16"),
            Map.entry("seventeen", "17"), Map.entry("eighteen", "18"), Map.entry("nineteen", "19"),
            Map.entry("twenty", "20"), Map.entry("thirty", "30"), Map.entry("forty", "40"), Map.entry("fifty", "50"),
            Map.entry("sixty", "60"), Map.entry("seventy", "70"), Map.entry("eighty", "80"),
            Map.entry("ninety", "90"));
    private static final Map<String, String> UNITS = Map.of("one", "1", "two", "2", "three", "3", "four", "4",
            "five", "5", "six", "6", "seven", "7", "eight", "8", "nine", "9");

    private NameNormaliser() {
    }

    /**
     * A name's tokens with what the rules need to know of them and say about them.
     *
     * @param lossy tokens that came from a script whose romanisation is far from the English form (compared
     *              by consonant skeleton)
     * @param notes one line for each rule applied while normalising ("title removed: [prezident]")
     */
    public record Normalised(List<String> tokens, Set<String> lossy, List<String> notes) {
    }

    /** Lower-case ASCII letters and digits, in the original order, titles removed (a person's name). */
    public static List<String> tokens(String name) {
        return tokens(name, false);
    }

    /**
     * Lower-case ASCII letters and digits, in the original order; titles are removed from a person's name
     * only: in an organisation's they are words of the name ("General Motors", "Prince Holdings").
     */
    public static List<String> tokens(String name, boolean organisation) {
        return normalise(name, organisation).tokens();
    }

    /** {@link #tokens(String, boolean)} with the tokens' scripts and a line for each rule applied. */
    public static Normalised normalise(String name, boolean organisation) {
        if (name == null || name.isBlank()) {
            return new Normalised(List.of(), Set.of(), List.of());
        }
        String text = CAMEL_CASE.matcher(name).replaceAll(" ");
        text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        Set<String> lossy = Set.of();
        List<String> notes = new ArrayList<>(2);
        if (!isAscii(text)) {
            ScriptRomaniser.Romanised romanised = ScriptRomaniser.romanise(text);
            text = romanised.text();
            lossy = romanised.lossyTokens();
            notes.addAll(romanised.notes());
        }
        text = text.toLowerCase(Locale.ROOT);
        text = APOSTROPHES.matcher(text).replaceAll("");
        text = text.replace("&", " and ").replace("%", " percent "); // "H&M" is "H and M", "3%ers" "3 percenters" 
        String[] raw = NON_ALNUM.matcher(text).replaceAll(" ").strip().split(" ");
        List<String> tokens = new ArrayList<>(raw.length);
        // Runs of single letters are an acronym written with dots or spaces: "A.B.C." is "abc".
        StringBuilder acronym = new StringBuilder();
        for (String t : raw) {
            if (t.isEmpty()) {
                continue;
            }
            if (t.length() == 1 && Character.isLetter(t.charAt(0))) {
                acronym.append(t);
                continue;
            }
            flushAcronym(acronym, tokens);
            tokens.add(t);
        }
        flushAcronym(acronym, tokens);
        // Transliterated Chinese, Japanese and Korean syllables ("zao", "ao") are not Russian legal forms.
        List<String> canonical = hasCjk(name) ? tokens : canonicalLegalForms(tokens);
        List<String> out = new ArrayList<>(canonical.size());
        List<String> titles = new ArrayList<>(1);
        for (int k = 0; k < canonical.size(); k++) {
            String t = canonical.get(k);
            if (!organisation && TITLES.contains(t)) {
                titles.add(t);
                continue;
            }
            String tens = TENS.get(t);
            if (tens != null && tens.endsWith("0") && k + 1 < canonical.size() && UNITS.containsKey(canonical.get(k + 1))) {
                // "forty four" / "forty-four" is 44, as the digits would be written
                out.add(tens.charAt(0) + UNITS.get(canonical.get(k + 1)));
                k++;
                continue;
            }
            out.add(tens != null ? tens : NUMBER_WORDS.getOrDefault(t, t));
        }
        // A name made only of titles ("Sheikh") is still a name: keep it rather than return nothing.
        if (out.isEmpty()) {
            return new Normalised(canonical, lossy, notes);
        }
        if (!titles.isEmpty()) {
            notes.add("title removed: " + titles);
        }
        return new Normalised(out, lossy, notes);
    }

    private static void flushAcronym(StringBuilder acronym, List<String> tokens) {
        if (acronym.isEmpty()) {
            return;
        }
        tokens.add(acronym.toString());
        acronym.setLength(0);
    }

    private static List<String> canonicalLegalForms(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        int i = 0;
        outer:
        while (i < tokens.size()) {
            for (int p = 0; p < LEGAL_PHRASES.size(); p++) {
                List<String> phrase = LEGAL_PHRASES.get(p);
                if (i + phrase.size() <= tokens.size() && phraseAt(tokens, i, phrase)) {
                    out.add(LEGAL_PHRASE_FORMS.get(p));
                    i += phrase.size();
                    continue outer;
                }
            }
            String t = ABBREVIATIONS.getOrDefault(tokens.get(i), tokens.get(i));
            out.add(LEGAL_FORMS.getOrDefault(t, misspeltLegalForm(t)));
            i++;
        }
        return out;
    }

    /** The phrase at tokens[from..], each word of four letters or more allowed one slip ("joynt stock"). */
    private static boolean phraseAt(List<String> tokens, int from, List<String> phrase) {
        for (int k = 0; k < phrase.size(); k++) {
            String t = tokens.get(from + k);
            String w = phrase.get(k);
            if (!t.equals(w) && (w.length() < 4 || Math.abs(t.length() - w.length()) > 1
                    || TokenSimilarity.osaDistance(t, w) > 1)) {
                return false;
            }
        }
        return true;
    }

    private static String misspeltLegalForm(String token) {
        if (token.length() < 10) {
            return token;
        }
        for (String word : LONG_LEGAL_WORDS) {
            int allowed = word.length() >= 14 ? 2 : 1;
            if (Math.abs(word.length() - token.length()) <= allowed
                    && TokenSimilarity.osaDistance(word, token) <= allowed) {
                return LEGAL_FORMS.getOrDefault(word, word);
            }
        }
        return token;
    }

    private static boolean hasCjk(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HANGUL
                    || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private static final Set<String> LEGAL_FORM_VALUES = Set.copyOf(LEGAL_FORMS.values());

    static boolean isLegalForm(String token) {
        return LEGAL_FORM_VALUES.contains(token);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
