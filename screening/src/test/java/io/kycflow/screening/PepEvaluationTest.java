package io.kycflow.screening;

import io.kycflow.screening.load.ListPurpose;
import io.kycflow.screening.load.ListRegistry;
import io.kycflow.screening.match.Hit;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.Screener;
import io.kycflow.screening.model.SanctionedEntity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PEP screening figures on the real US Congress / executive files (docs/screening.md, "PEP screening"). Output in
 * target/surefire-reports/io.kycflow.screening.PepEvaluationTest-output.txt. {@code -Dkycflow.eval.negatives=50000}
 * screens every global negative (default: the first 3,000).
 */
class PepEvaluationTest {

    private static Screener screener;
    private static List<SanctionedEntity> peps;

    @BeforeAll
    static void load() throws Exception {
        Path dir = SharedData.require("pep/us-congress");
        ListRegistry registry = new ListRegistry(ListPurpose.PEP);
        registry.refresh(dir);
        screener = registry.current().orElseThrow().screener();
        peps = registry.current().orElseThrow().lists().values().stream().flatMap(l -> l.entities().stream()).toList();
    }

    /**
     * Recall over the rows of positives_us_congress_untreated.csv whose person is in the files. "In the files" is
     * decided without the matcher: a listed person born in the row's year whose every surname word is a word of
     * the row's name (accents and case folded).
     */
    @Test
    void recallOnTheMembersOfCongressPresentInTheFiles() throws Exception {
        List<Map<String, String>> rows = CaseFiles.read(
                SharedData.require("screening-cases/opensanctions-yente/positives_us_congress_untreated.csv"), Integer.MAX_VALUE);
        int present = 0;
        int review = 0;
        int strong = 0;
        List<String> missed = new ArrayList<>();
        for (Map<String, String> row : rows) {
            Set<String> people = presentPeople(row);
            if (people.isEmpty()) {
                continue;
            }
            present++;
            Query q = CaseFiles.personQuery(row);
            Optional<Hit> hit = screener.screen(q).hits().stream()
                    .filter(h -> people.contains(h.entityId())).findFirst();
            if (hit.isPresent() && hit.get().rating().isMatch()) {
                review++;
                strong += hit.get().rating() == MatchRating.STRONG_MATCH ? 1 : 0;
            } else {
                missed.add(row.get("full_name") + " " + row.get("date_of_birth") + " -> "
                        + hit.map(h -> h.rating() + " " + h.matchedName()).orElse("no hit"));
            }
        }
        double recall = (double) review / present;
        System.out.printf(Locale.ROOT, "US Congress positives: %d rows, %d present in the files; PARTIAL+ %d = %.4f, STRONG %d = %.4f%n",
                rows.size(), present, review, recall, strong, (double) strong / present);
        missed.forEach(m -> System.out.println("  missed: " + m));
        assertTrue(present > 400, "the files hold most sitting members: " + present);
        assertTrue(recall >= 0.97, "recall at review level " + recall);
    }

    @Test
    void falsePositivesOnGlobalNegatives() throws Exception {
        int n = Integer.getInteger("kycflow.eval.negatives", 3_000);
        List<Map<String, String>> rows = CaseFiles.read(
                SharedData.require("screening-cases/opensanctions-yente/negatives_global.csv"), n);
        int strong = 0;
        int review = 0;
        for (Map<String, String> row : rows) {
            MatchRating best = screener.screen(CaseFiles.personQuery(row)).bestRating();
            strong += best == MatchRating.STRONG_MATCH ? 1 : 0;
            review += best.isMatch() ? 1 : 0;
            if (best.isMatch()) {
                System.out.println("  negative hit: " + best + " " + row.get("full_name") + " " + row.get("date_of_birth"));
            }
        }
        double strongPerThousand = 1000.0 * strong / rows.size();
        System.out.printf(Locale.ROOT, "global negatives (first %d) against the PEP lists: STRONG %.2f per 1,000, PARTIAL+ %.2f per 1,000%n",
                rows.size(), strongPerThousand, 1000.0 * review / rows.size());
        assertTrue(strongPerThousand <= 5, "STRONG per 1,000: " + strongPerThousand);
    }

    /**
     * The ids of the listed people the row may be: born in the row's year, every surname word a word of the
     * row's name, and the row's first word starting with the initial of one of their given names or nickname.
     */
    private static Set<String> presentPeople(Map<String, String> row) {
        String dob = row.get("date_of_birth");
        if (dob == null || dob.length() < 4) {
            return Set.of();
        }
        int year = Integer.parseInt(dob.substring(0, 4));
        List<String> rowWords = Arrays.asList(fold(row.get("full_name")).split(" "));
        Set<String> words = new HashSet<>(rowWords);
        Set<String> ids = new HashSet<>();
        for (SanctionedEntity p : peps) {
            if (p.birthDates().stream().noneMatch(b -> b.fromYear() == year)) {
                continue;
            }
            var parts = p.names().get(0).parts();
            if (parts == null || parts.familyName() == null
                    || !words.containsAll(Arrays.asList(fold(parts.familyName()).split(" ")))) {
                continue;
            }
            Set<Character> initials = new HashSet<>();
            p.names().forEach(n -> initials.add(fold(n.fullName()).charAt(0)));
            parts.parts().stream().filter(w -> !w.equals(parts.familyName()))
                    .forEach(w -> initials.add(fold(w).isEmpty() ? ' ' : fold(w).charAt(0)));
            if (initials.contains(rowWords.get(0).charAt(0))) {
                ids.add(p.id());
            }
        }
        return ids;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]+", " ").strip();
    }
}
