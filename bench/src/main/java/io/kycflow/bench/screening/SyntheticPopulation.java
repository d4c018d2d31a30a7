package io.kycflow.bench.screening;

import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.Schema;
import io.kycflow.screening.monitor.MonitoredSubject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A monitored population of any size, from a fixed seed: first, middle and last names recombined from the
 * 50,000 synthetic people of many cultures in yente's {@code negatives_global.csv} (people on no list),
 * each part drawn from a row of the same script as the first name (an Arabic given name gets an Arabic
 * surname, a Latin one a Latin surname), so name frequencies follow that file's. A third get a middle
 * name; every subject has a date of birth (1940-2005) and a nationality.
 */
final class SyntheticPopulation {
    private SyntheticPopulation() {
    }

    private record Person(String first, String middle, String last, String gender, String nationality) {
    }

    static List<MonitoredSubject> generate(int size, long seed) throws IOException {
        Map<Character.UnicodeScript, List<Person>> byScript = new LinkedHashMap<>();
        List<Person> all = new ArrayList<>();
        for (Map<String, String> row : CaseCsv.read(
                SharedData.require("screening-cases/opensanctions-yente/negatives_global.csv"), Integer.MAX_VALUE)) {
            String first = row.getOrDefault("first_name", "").strip();
            String last = row.getOrDefault("last_name", "").strip();
            if (first.isEmpty() || last.isEmpty()) {
                continue;
            }
            Person p = new Person(first, row.getOrDefault("middle_name", "").strip(), last,
                    row.get("gender"), row.get("nationality"));
            all.add(p);
            byScript.computeIfAbsent(script(first), s -> new ArrayList<>()).add(p);
        }
        Random random = new Random(seed);
        List<MonitoredSubject> subjects = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Person given = all.get(random.nextInt(all.size()));
            List<Person> sameScript = byScript.get(script(given.first()));
            Person family = sameScript.get(random.nextInt(sameScript.size()));
            String middle = "";
            if (random.nextInt(3) == 0) {
                Person m = sameScript.get(random.nextInt(sameScript.size()));
                middle = !m.middle().isEmpty() ? m.middle() : m.first();
            }
            String name = middle.isEmpty() ? given.first() + " " + family.last()
                    : given.first() + " " + middle + " " + family.last();
            String dob = String.format(java.util.Locale.ROOT, "%d-%02d-%02d", 1940 + random.nextInt(66),
                    1 + random.nextInt(12), 1 + random.nextInt(28));
            Query q = new Query(name, null, null, null, dob, family.nationality(), given.gender(), Schema.PERSON);
            subjects.add(new MonitoredSubject("subject-" + i, q));
        }
        return subjects;
    }

    private static Character.UnicodeScript script(String name) {
        return Character.UnicodeScript.of(name.codePointAt(0));
    }
}
