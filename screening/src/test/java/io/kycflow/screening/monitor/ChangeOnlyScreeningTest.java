package io.kycflow.screening.monitor;

import io.kycflow.screening.load.ListInfo;
import io.kycflow.screening.load.LoadedList;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.Schema;
import io.kycflow.screening.match.Screener;
import io.kycflow.screening.model.BirthDate;
import io.kycflow.screening.model.EntityName;
import io.kycflow.screening.model.EntityType;
import io.kycflow.screening.model.SanctionedEntity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Change-only screening on small hand-made lists (the real-list test skips without ../shared). */
class ChangeOnlyScreeningTest {

    private static SanctionedEntity person(String id, String name, int birthYear) {
        return new SanctionedEntity(id, "test", EntityType.PERSON, List.of(EntityName.primary(name)),
                List.of(BirthDate.year(birthYear)), List.of(), List.of(), List.of(), List.of("TEST"), List.of(),
                null, null);
    }

    private static SanctionedEntity company(String id, String name) {
        return new SanctionedEntity(id, "test", EntityType.ORGANISATION, List.of(EntityName.primary(name)),
                List.of(), List.of(), List.of(), List.of(), List.of("TEST"), List.of(), null, null);
    }

    private static LoadedList list(String version, List<SanctionedEntity> entities) {
        return new LoadedList(new ListInfo("test", "hand-made", version, LocalDate.parse(version), entities.size(),
                "0".repeat(64), Map.of(), "/nowhere", Instant.EPOCH), entities);
    }

    /** Eleven listed namesakes that match better than the new entry, which a ten-hit cap would hide. */
    private static List<SanctionedEntity> namesakes() {
        List<SanctionedEntity> out = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            out.add(person("old-" + i, "Ahmad Hassan Karimi", 1970));
        }
        out.add(person("old-other", "Olga Petrovna Ivanova", 1960));
        out.add(company("old-company", "Karimi Trading LLC"));
        return out;
    }

    @Test
    void aChangedEntryRankedBelowTheTenthHitIsStillAlerted() {
        List<SanctionedEntity> before = namesakes();
        List<SanctionedEntity> after = new ArrayList<>(before);
        after.add(person("new-1", "Ahmad Hasan Karimi", 1970));
        ListChange change = ListChange.between(list("2024-01-01", before), list("2024-01-02", after));
        Screener current = Screener.of(List.of(list("2024-01-02", after)));
        MonitoredSubject subject = new MonitoredSubject("case-1", Query.person("Ahmad Hassan Karimi").withDateOfBirth("1970"));

        assertEquals(10, current.screen(subject.query()).hits().size(), "the onboarding screen keeps ten hits");
        assertTrue(current.screen(subject.query()).hits().stream().noneMatch(h -> h.entityId().equals("new-1")),
                "the new entry ranks below the ten namesakes");
        List<MonitoringMatch> full = new FullRescreen().screen(List.of(subject), change, current);
        assertEquals(1, full.size());
        assertEquals("new-1", full.get(0).hit().entityId());
        assertEquals(ListChange.ChangeKind.ADDED, full.get(0).change());
        assertEquals(full, new ChangeOnlyScreening().screen(List.of(subject), change, current));
    }

    @Test
    void aModifiedEntryIsAlertedWithItsEvidence() {
        List<SanctionedEntity> before = namesakes();
        List<SanctionedEntity> after = new ArrayList<>(before);
        after.set(11, person("old-other", "Olga Petrovna Ivanova", 1961)); // the listed year corrected
        ListChange change = ListChange.between(list("2024-01-01", before), list("2024-01-02", after));
        Screener current = Screener.of(List.of(list("2024-01-02", after)));
        List<MonitoredSubject> subjects = List.of(
                new MonitoredSubject("olga", Query.person("Ivanova Olga").withDateOfBirth("1961-03-04")),
                new MonitoredSubject("ahmad", Query.person("Ahmad Karimi")),
                new MonitoredSubject("karimi-co", Query.of("Karimi Trading", Schema.ORGANISATION)));
        List<MonitoringMatch> matches = new ChangeOnlyScreening().screen(subjects, change, current);
        assertEquals(1, matches.size(), matches.toString());
        MonitoringMatch m = matches.get(0);
        assertEquals("olga", m.subjectKey());
        assertEquals(ListChange.ChangeKind.MODIFIED, m.change());
        assertEquals(MatchRating.STRONG_MATCH, m.hit().rating());
        assertTrue(m.hit().explanation().describe().contains("date of birth: corroborates"),
                m.hit().explanation().describe());
        assertEquals(new FullRescreen().screen(subjects, change, current), matches);
    }

    @Test
    void subjectsComeAndGoWithoutARebuild() {
        List<SanctionedEntity> before = namesakes();
        List<SanctionedEntity> after = new ArrayList<>(before);
        after.add(person("new-1", "Ahmad Hasan Karimi", 1970));
        after.add(company("new-2", "Ivanova Shipping Ltd"));
        ListChange change = ListChange.between(list("2024-01-01", before), list("2024-01-02", after));
        Screener current = Screener.of(List.of(list("2024-01-02", after)));
        ChangeOnlyScreening screening = new ChangeOnlyScreening();
        screening.put(new MonitoredSubject("a", Query.person("Ahmad Karimi Hassan")));
        screening.put(new MonitoredSubject("b", Query.of("Ivanova Shipping", Schema.ANY)));
        screening.put(new MonitoredSubject("c", Query.person("Maria Lopez")));
        assertEquals(List.of("a", "b"), keys(screening.screenIndexed(change, current)));

        // The client corrects a name: the subject is re-filed under its new keys, the old ones no longer find it.
        screening.put(new MonitoredSubject("a", Query.person("Maria Karimi Lopez")));
        assertTrue(screening.remove("b"));
        assertFalse(screening.remove("b"));
        assertEquals(2, screening.index().size());
        assertEquals(List.of(), keys(screening.screenIndexed(change, current)));
        screening.put(new MonitoredSubject("d", Query.person("Ahmad Hassan Karimi")));
        assertEquals(List.of("d"), keys(screening.screenIndexed(change, current)));

        // Many removals: compaction renumbers the subjects, answers stay the same.
        for (int i = 0; i < 2_000; i++) {
            screening.put(new MonitoredSubject("filler-" + i, Query.person("Filler Person" + i + " Karimi")));
        }
        for (int i = 0; i < 2_000; i++) {
            screening.remove("filler-" + i);
        }
        screening.index().flush();
        assertEquals(3, screening.index().size());
        assertTrue(screening.index().postingCount() < 2_000, "dead postings dropped: " + screening.index().postingCount());
        assertEquals(List.of("d"), keys(screening.screenIndexed(change, current)));
        List<MonitoredSubject> population = List.of(new MonitoredSubject("d", Query.person("Ahmad Hassan Karimi")),
                new MonitoredSubject("e", Query.of("Ivanova Shipping Ltd", Schema.ORGANISATION)));
        assertEquals(sorted(new FullRescreen().screen(population, change, current)),
                sorted(screening.screen(population, change, current)));
        assertEquals(2, screening.index().size());
    }

    private static List<String> keys(List<MonitoringMatch> matches) {
        return matches.stream().map(MonitoringMatch::subjectKey).sorted().toList();
    }

    private static List<MonitoringMatch> sorted(List<MonitoringMatch> matches) {
        return matches.stream().sorted(Comparator.comparing(MonitoringMatch::subjectKey)
                .thenComparing(m -> m.hit().entityId())).toList();
    }
}
