package io.kycflow.screening;

import io.kycflow.screening.load.ListLoader;
import io.kycflow.screening.load.LoadReport;
import io.kycflow.screening.match.Hit;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.Screener;
import io.kycflow.screening.match.ScreeningResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names of real people on the OFAC SDN list (2024-07-02) written as other languages and scripts write them:
 * titles in many languages, initials in either order, national spellings, and scripts whose ICU
 * romanisation is far from the English form. Each must find the listed person at PARTIAL or better, with
 * the line of the rule that made it match in the explanation; unrelated names in those scripts must not be
 * STRONG hits. The spellings are written by hand from general knowledge of each language, not taken from
 * any list or case file. Skipped when ../shared is absent.
 */
class MultiScriptNamesTest {
    private static final String PUTIN = "PUTIN, Vladimir Vladimirovich";
    private static final String KIM = "KIM, Jong Un";
    private static final String KIM_YO = "KIM, Yo Jong";
    private static final String CHOE = "CHOE, Ryong Hae";
    private static final String NASRALLAH = "NASRALLAH, Hasan";
    private static final String ZAWAHIRI = "AL ZAWAHIRI, Dr. Ayman";
    private static final String KHAMENEI = "KHAMENEI, Ali Husseini";
    private static final String LI = "LI, Fangwei";

    /** family, query, primary name of the listed person, a fragment the explanation must hold. */
    private record Spelling(String family, String query, String expected, String rule) {
    }

    static final List<Spelling> SPELLINGS = List.of(
            // honorifics and titles, before the name and (Hungarian) after it
            new Spelling("titles", "Президент Владимир Путин", PUTIN, "title removed"),
            new Spelling("titles", "President Vladimir Putin", PUTIN, "title removed"),
            new Spelling("titles", "Präsident Wladimir Putin", PUTIN, "title removed"),
            new Spelling("titles", "Presidente Vladímir Putin", PUTIN, "title removed"),
            new Spelling("titles", "Président Vladimir Poutine", PUTIN, "title removed"),
            new Spelling("titles", "Prezydent Władimir Putin", PUTIN, "title removed"),
            new Spelling("titles", "Putyin Vlagyimir elnök", PUTIN, "title removed"),
            new Spelling("titles", "Herr Wladimir Putin", PUTIN, "title removed"),
            new Spelling("titles", "Господин Путин Владимир Владимирович", PUTIN, "title removed"),
            new Spelling("titles", "Sheikh Hassan Nasrallah", NASRALLAH, "title removed"),
            new Spelling("titles", "Dr. Ayman al-Zawahiri", ZAWAHIRI, ""),
            new Spelling("titles", "Ayatollah Ali Khamenei", KHAMENEI, "title removed"),
            // initials in either order
            new Spelling("initials", "В. В. Путин", PUTIN, "initials"),
            new Spelling("initials", "V. V. Putin", PUTIN, "initials"),
            new Spelling("initials", "Putin V.V.", PUTIN, "initials"),
            new Spelling("initials", "Putin V. V.", PUTIN, "initials"),
            new Spelling("initials", "Путин В.В.", PUTIN, "initials"),
            new Spelling("initials", "Путин В. В.", PUTIN, "initials"),
            new Spelling("initials", "Kim J. U.", KIM, "initials"),
            // national spellings of the same name
            new Spelling("national", "Wladimir Wladimirowitsch Putin", PUTIN, "national spelling"),
            new Spelling("national", "Vladimir Vladimirovitsj Poetin", PUTIN, "national spelling"),
            new Spelling("national", "Vlagyimir Vlagyimirovics Putyin", PUTIN, "national spelling"),
            new Spelling("national", "Vladimiras Putinas", PUTIN, "national spelling"),
            new Spelling("national", "Vladimirs Putins", PUTIN, "national spelling"),
            new Spelling("national", "Władimir Władimirowicz Putin", PUTIN, "national spelling"),
            new Spelling("national", "Vladimír Vladimirovič Putin", PUTIN, ""),
            new Spelling("national", "Volodymyr Volodymyrovych Putin", PUTIN, "consonant skeleton"),
            new Spelling("national", "Uladzimir Uladzimiravich Putin", PUTIN, "national spelling"),
            new Spelling("national", "Володимир Володимирович Путін", PUTIN, "consonant skeleton"),
            new Spelling("national", "Уладзімір Уладзіміравіч Пуцін", PUTIN, "national spelling"),
            // scripts whose romanisation is far from the English form
            new Spelling("arabic", "فلاديمير بوتين", PUTIN, "consonant skeleton"),
            new Spelling("arabic", "حسن نصر الله", NASRALLAH, "consonant skeleton"),
            new Spelling("arabic", "أيمن الظواهري", ZAWAHIRI, "consonant skeleton"),
            new Spelling("persian", "ولادیمیر پوتین", PUTIN, "consonant skeleton"),
            new Spelling("persian", "علی حسینی خامنه‌ای", KHAMENEI, "consonant skeleton"),
            new Spelling("hebrew", "ולדימיר פוטין", PUTIN, "consonant skeleton"),
            new Spelling("greek", "Βλαντιμίρ Πούτιν", PUTIN, "Greek"),
            new Spelling("korean", "김정은", KIM, "Hangul"),
            new Spelling("korean", "김여정", KIM_YO, "Hangul"),
            new Spelling("korean", "최룡해", CHOE, "Hangul"),
            new Spelling("korean", "블라디미르 푸틴", PUTIN, "Hangul"),
            new Spelling("katakana", "ウラジーミル・プーチン", PUTIN, "consonant skeleton"),
            new Spelling("katakana", "キム・ジョンウン", KIM, "consonant skeleton"),
            new Spelling("chinese", "李方伟", LI, "pinyin"),
            new Spelling("devanagari", "व्लादिमीर पुतिन", PUTIN, "consonant skeleton"),
            new Spelling("bengali", "ভ্লাদিমির পুতিন", PUTIN, "consonant skeleton"),
            new Spelling("burmese", "ဗလာဒီမာ ပူတင်", PUTIN, "consonant skeleton"),
            new Spelling("khmer", "វ្លាឌីមៀរ ពូទីន", PUTIN, "consonant skeleton"));

    /** Ordinary people's names in the same scripts, none of them listed. */
    static final List<String> UNRELATED = List.of("محمد عبد الرحمن السعيد", "کیوان رستمی", "דוד כהן",
            "Γιώργος Παπαδόπουλος", "박지성", "이순신", "ヤマダ・タロウ", "王小明", "राहुल शर्मा", "সৌরভ গাঙ্গুলী",
            "အောင်ကျော်", "សុខ ចាន់", "Иван Петрович Сидоров", "Herr Hans Müller", "Präsident Emmanuel Macron",
            "Вольга Ўладзіміраўна Карпенка");

    private static Screener screener;

    @BeforeAll
    static void load() throws IOException {
        LoadReport report = new ListLoader().load(SharedData.require("sanctions/ofac_sdn/2024-07-02"));
        screener = Screener.of(report.loaded());
    }

    @Test
    void spellingsInEveryFamilyFindTheListedPersonWithTheRuleExplained() {
        Map<String, int[]> byFamily = new LinkedHashMap<>(); // hit, explained, total
        List<String> failures = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        for (Spelling s : SPELLINGS) {
            ScreeningResult result = screener.screen(Query.person(s.query()));
            Hit hit = result.hits().stream().filter(h -> h.primaryName().equals(s.expected())).findFirst().orElse(null);
            boolean found = hit != null && hit.rating().compareTo(MatchRating.PARTIAL_MATCH) <= 0;
            String explanation = hit == null ? "" : hit.explanation().describe();
            boolean explained = found && explanation.contains(s.rule());
            int[] counts = byFamily.computeIfAbsent(s.family(), f -> new int[3]);
            counts[0] += found ? 1 : 0;
            counts[1] += explained ? 1 : 0;
            counts[2]++;
            log.append(String.format(Locale.ROOT, "%-10s %-5s %s -> %s%n", s.family(), found ? "HIT" : "miss",
                    s.query(), hit == null ? "no hit" : explanation));
            if (!explained) {
                failures.add(s.family() + ": " + s.query() + (found ? " (no \"" + s.rule() + "\" line)" : ""));
            }
        }
        byFamily.forEach((f, c) -> log.append(String.format(Locale.ROOT, "family %-10s %d/%d found, %d explained%n",
                f, c[0], c[2], c[1])));
        System.out.println(log);
        assertTrue(failures.isEmpty(), "missed or unexplained: " + failures);
    }

    @Test
    void unrelatedNamesInTheseScriptsAreNeverStrongHits() {
        List<String> strong = new ArrayList<>();
        for (String name : UNRELATED) {
            for (Hit h : screener.screen(Query.person(name)).hits()) {
                System.out.println("unrelated " + name + " -> " + h.rating() + " " + h.explanation().describe());
                if (h.rating() == MatchRating.STRONG_MATCH) {
                    strong.add(name + " -> " + h.primaryName());
                }
            }
        }
        assertTrue(strong.isEmpty(), "unrelated names hit STRONG: " + strong);
    }
}
