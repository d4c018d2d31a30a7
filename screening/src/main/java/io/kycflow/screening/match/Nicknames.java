package io.kycflow.screening.match;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Common short forms of given names ("Bill" for William, "Ted" for Theodore or Edward, "Bibi" for
 * Benjamin), a small hand-written table of general name knowledge. A short form may belong to several
 * names; two tokens are nickname variants when they share a group. Not derived from any evaluation file.
 */
final class Nicknames {
    /** Group (the full name) followed by its usual short forms. */
    private static final List<List<String>> GROUPS = List.of(
            List.of("william", "bill", "billy", "will", "willy", "liam"),
            List.of("robert", "bob", "bobby", "rob", "robbie", "bert"),
            List.of("richard", "rick", "ricky", "dick", "rich"),
            List.of("edward", "ed", "eddie", "ted", "teddy", "ned"),
            List.of("theodore", "ted", "teddy", "theo"),
            List.of("benjamin", "ben", "benny", "bibi"),
            List.of("james", "jim", "jimmy", "jamie"),
            List.of("john", "jack", "johnny"),
            List.of("joseph", "joe", "joey"),
            List.of("michael", "mike", "mikey"),
            List.of("thomas", "tom", "tommy"),
            List.of("charles", "charlie", "chuck"),
            List.of("anthony", "tony"),
            List.of("daniel", "dan", "danny"),
            List.of("david", "dave"),
            List.of("christopher", "chris"),
            List.of("nicholas", "nick", "nicky"),
            List.of("alexander", "alex", "sasha", "sandy"),
            List.of("elizabeth", "liz", "beth", "betty", "lisa"),
            List.of("margaret", "maggie", "peggy", "meg"),
            List.of("katherine", "kate", "katie", "kathy"),
            List.of("catherine", "cathy", "kate"),
            List.of("barack", "barry"),
            List.of("vladimir", "vova", "volodya"),
            List.of("henry", "harry", "hank"),
            List.of("lawrence", "larry"),
            List.of("gerald", "jerry"),
            List.of("donald", "don"),
            List.of("ronald", "ron"),
            List.of("andrew", "andy"),
            List.of("peter", "pete"),
            List.of("matthew", "matt"),
            List.of("timothy", "tim"),
            List.of("samuel", "sam"),
            List.of("steven", "steve"),
            List.of("stephen", "steve"),
            List.of("patrick", "pat"),
            List.of("kenneth", "ken"));

    private static final Map<String, Set<String>> GROUPS_OF = new HashMap<>();

    static {
        for (List<String> group : GROUPS) {
            for (String name : group) {
                GROUPS_OF.computeIfAbsent(name, k -> new TreeSet<>()).add(group.get(0));
            }
        }
    }

    private Nicknames() {
    }

    /** The full names a token may stand for (itself included when it is one), or an empty set. */
    static Set<String> groups(String token) {
        return GROUPS_OF.getOrDefault(token, Set.of());
    }

    /** Whether two different tokens are a name and its short form, or two short forms of one name. */
    static boolean variants(String a, String b) {
        Set<String> ga = GROUPS_OF.get(a);
        Set<String> gb = GROUPS_OF.get(b);
        if (ga == null || gb == null) {
            return false;
        }
        for (String g : ga) {
            if (gb.contains(g)) {
                return true;
            }
        }
        return false;
    }
}
