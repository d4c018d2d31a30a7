package io.kycflow.screening.monitor;

import io.kycflow.screening.CaseFiles;
import io.kycflow.screening.SharedData;
import io.kycflow.screening.load.ListLoader;
import io.kycflow.screening.load.LoadedList;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.Schema;
import io.kycflow.screening.match.Screener;
import io.kycflow.screening.model.BirthDate;
import io.kycflow.screening.model.EntityType;
import io.kycflow.screening.model.SanctionedEntity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ongoing monitoring on the real OFAC SDN list (issue 12, point 5): the 2021-06-29 snapshot is the one the
 * population was onboarded against, 2024-07-02 the one that arrives. Monitored: people added between them
 * (as a client would type them, some with the surname last, with their date of birth), people listed in
 * both snapshots whose entry did not change, and synthetic people of many cultures who are on neither
 * list (the yente global negatives). The change-only screening must give exactly what a full re-screen
 * gives, every added person must be alerted exactly once, on their entry, and nobody unrelated strongly.
 */
class MonitoringRealListsTest {
    private static final int ADDED_PEOPLE = 400;
    private static final int UNCHANGED_PEOPLE = 200;
    private static final int UNRELATED_PEOPLE = 5_000;

    private static ListChange change;
    private static Screener current;
    private static List<MonitoredSubject> population;
    /** Subject key to the entity id the subject is (added or unchanged listed people). */
    private static Map<String, String> listedAs;

    @BeforeAll
    static void load() throws IOException {
        Path before = SharedData.require("sanctions/ofac_sdn/2021-06-29");
        Path after = SharedData.require("sanctions/ofac_sdn/2024-07-02");
        LoadedList older = only(before);
        LoadedList newer = only(after);
        change = ListChange.between(older, newer);
        current = Screener.of(List.of(newer));
        population = new ArrayList<>();
        listedAs = new HashMap<>();
        List<SanctionedEntity> addedPeople = change.added().stream().filter(e -> e.type() == EntityType.PERSON).toList();
        int step = Math.max(1, addedPeople.size() / ADDED_PEOPLE);
        for (int i = 0; i < addedPeople.size() && listedAs.size() < ADDED_PEOPLE; i += step) {
            SanctionedEntity e = addedPeople.get(i);
            String key = "added-" + e.id();
            population.add(new MonitoredSubject(key, asTyped(e, i % 2 == 0)));
            listedAs.put(key, e.id());
        }
        Set<String> changed = change.changedIds();
        int unchanged = 0;
        for (SanctionedEntity e : newer.entities()) {
            if (unchanged < UNCHANGED_PEOPLE && e.type() == EntityType.PERSON && !changed.contains(e.id())) {
                String key = "unchanged-" + e.id();
                population.add(new MonitoredSubject(key, asTyped(e, unchanged % 2 == 0)));
                listedAs.put(key, e.id());
                unchanged++;
            }
        }
        int n = 0;
        for (Map<String, String> row : CaseFiles.read(
                SharedData.require("screening-cases/opensanctions-yente/negatives_global.csv"), UNRELATED_PEOPLE)) {
            population.add(new MonitoredSubject("other-" + n++, CaseFiles.personQuery(row)));
        }
        System.out.printf("SDN 2021-06-29 -> 2024-07-02: %d added, %d modified, %d removed; population %d "
                        + "(%d added people, %d unchanged listed people, %d unrelated)%n",
                change.added().size(), change.modified().size(), change.removedIds().size(), population.size(),
                ADDED_PEOPLE, unchanged, n);
    }

    private static LoadedList only(Path folder) throws IOException {
        List<LoadedList> loaded = new ListLoader().load(folder).loaded();
        assertEquals(1, loaded.size(), folder + " holds one list");
        return loaded.get(0);
    }

    /**
     * The primary name as a client would type it: "PUTIN, Vladimir Vladimirovich" as is, or given names
     * first; the first listed date of birth as a day where the list has one, else as a year.
     */
    private static Query asTyped(SanctionedEntity e, boolean givenNamesFirst) {
        String name = e.primaryName();
        int comma = name.indexOf(',');
        if (givenNamesFirst && comma > 0) {
            name = name.substring(comma + 1).strip() + " " + name.substring(0, comma).strip();
        }
        Query q = new Query(name, null, null, null, null, null, null, Schema.PERSON);
        if (!e.birthDates().isEmpty()) {
            BirthDate d = e.birthDates().get(0);
            q = q.withDateOfBirth(d.exactDate() != null ? d.exactDate().toString() : Integer.toString(d.fromYear()));
        }
        return q;
    }

    @Test
    void changeOnlyFindsWhatAFullRescreenFinds() {
        List<MonitoringMatch> full = sorted(new FullRescreen().screen(population, change, current));
        List<MonitoringMatch> changeOnly = sorted(new ChangeOnlyScreening().screen(population, change, current));
        System.out.printf("full re-screen %d matches, change-only %d%n", full.size(), changeOnly.size());
        assertFalse(full.isEmpty(), "the added people must raise matches");
        assertEquals(describe(full), describe(changeOnly));
        assertEquals(full, changeOnly, "same hits, with the same explanations and evidence");
    }

    @Test
    void everyAddedPersonIsAlertedOnceOnTheirEntryAndNobodyUnrelatedStrongly() {
        List<MonitoringMatch> matches = new ChangeOnlyScreening().screen(population, change, current);
        Map<String, List<MonitoringMatch>> bySubject = matches.stream()
                .collect(Collectors.groupingBy(MonitoringMatch::subjectKey));
        List<String> problems = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (MonitoringMatch m : matches) {
            if (!pairs.add(m.subjectKey() + "|" + m.hit().entityId())) {
                problems.add("alerted twice: " + m.subjectKey() + " on " + m.hit().entityId());
            }
            assertTrue(m.hit().rating().isMatch());
            assertEquals(change.kindOf(m.hit().entityId()), m.change());
        }
        int otherEntries = 0;
        for (MonitoredSubject s : population) {
            List<MonitoringMatch> own = bySubject.getOrDefault(s.key(), List.of());
            String entity = listedAs.get(s.key());
            if (s.key().startsWith("added-")) {
                long onEntry = own.stream().filter(m -> m.hit().entityId().equals(entity)).count();
                if (onEntry != 1 || own.size() != 1) {
                    problems.add(s.key() + " (" + s.query().name() + ") alerted " + onEntry + " times on its entry, "
                            + own.size() + " in all");
                }
                otherEntries += own.size() - (int) onEntry;
            } else if (s.key().startsWith("unchanged-")) {
                if (own.stream().anyMatch(m -> m.hit().entityId().equals(entity))) {
                    problems.add(s.key() + " alerted on its own entry, which did not change");
                }
            } else if (own.stream().anyMatch(m -> m.hit().rating() == MatchRating.STRONG_MATCH)) {
                problems.add(s.key() + " (unrelated) alerted STRONG: " + own);
            }
        }
        long unrelatedAlerts = matches.stream().filter(m -> m.subjectKey().startsWith("other-")).count();
        System.out.printf("%d alerts; added people also alerted on %d other added entries; unrelated subjects %d"
                + " PARTIAL alerts%n", matches.size(), otherEntries, unrelatedAlerts);
        assertTrue(problems.isEmpty(), problems.size() + " problems: " + problems.stream().limit(10).toList());
    }

    @Test
    void anIndexKeptUpToDateAnswersAsOneBuiltAfresh() {
        ChangeOnlyScreening screening = new ChangeOnlyScreening();
        List<MonitoredSubject> firstHalf = population.subList(0, population.size() / 2);
        List<MonitoredSubject> secondHalf = population.subList(population.size() / 2, population.size());
        firstHalf.forEach(screening::put);
        // Subscriptions come and go: the second half arrives, a third of the first leaves.
        secondHalf.forEach(screening::put);
        List<MonitoredSubject> remaining = new ArrayList<>(secondHalf);
        for (int i = 0; i < firstHalf.size(); i++) {
            if (i % 3 == 0) {
                assertTrue(screening.remove(firstHalf.get(i).key()));
            } else {
                remaining.add(firstHalf.get(i));
            }
        }
        assertEquals(remaining.size(), screening.index().size());
        List<MonitoringMatch> kept = sorted(screening.screenIndexed(change, current));
        assertEquals(sorted(new FullRescreen().screen(remaining, change, current)), kept);
        // And a sync with the whole population brings the removed back.
        assertEquals(sorted(new FullRescreen().screen(population, change, current)),
                sorted(screening.screen(population, change, current)));
    }

    private static List<MonitoringMatch> sorted(List<MonitoringMatch> matches) {
        List<MonitoringMatch> copy = new ArrayList<>(matches);
        copy.sort(Comparator.comparing(MonitoringMatch::subjectKey).thenComparing(m -> m.hit().entityId()));
        return copy;
    }

    private static List<String> describe(List<MonitoringMatch> matches) {
        return matches.stream().map(m -> String.format(java.util.Locale.ROOT, "%s %s %s %.6f %s", m.subjectKey(),
                m.hit().entityId(), m.change(), m.hit().score(), m.hit().rating())).toList();
    }
}
