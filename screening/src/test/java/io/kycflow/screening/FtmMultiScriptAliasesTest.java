package io.kycflow.screening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kycflow.screening.load.ListLoader;
import io.kycflow.screening.load.LoadReport;
import io.kycflow.screening.match.Hit;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.Schema;
import io.kycflow.screening.match.Screener;
import io.kycflow.screening.model.SanctionedEntity;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, point 1: every name of an FtM entity, in whatever script (name, alias, weakAlias, previousName),
 * is an indexed name of its own, and a query written in that script matches it directly (the matched name is
 * the alias itself, not a romanisation meeting a Latin name). Real entities of the yente fixture "zala"
 * (../shared/data/ftm-samples); skipped where absent.
 */
class FtmMultiScriptAliasesTest {
    private static final List<String> NAME_PROPERTIES = List.of("name", "alias", "weakAlias", "previousName");

    @Test
    void everyAliasInEveryScriptIsAnIndexedNameMatchedDirectly() throws Exception {
        Path zala = SharedData.require("ftm-samples/dataset/zala");
        LoadReport report = new ListLoader().load(zala);
        assertEquals(List.of(), report.problems());
        Map<String, SanctionedEntity> byId = report.loaded().get(0).entities().stream()
                .collect(Collectors.toMap(SanctionedEntity::id, Function.identity()));
        Screener screener = Screener.of(report.loaded());

        ObjectMapper json = new ObjectMapper();
        List<String> nonLatin = new ArrayList<>();
        int aliases = 0;
        for (String line : Files.readAllLines(zala.resolve("entities.ftm.json"))) {
            JsonNode entity = json.readTree(line);
            SanctionedEntity loaded = byId.get(entity.path("id").asText());
            if (loaded == null) {
                continue; // a link entity (ownership, address…): no name to screen
            }
            // names differing only in case are one indexed name (they normalise alike)
            Set<String> indexed = loaded.names().stream().map(n -> n.fullName().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            for (String property : NAME_PROPERTIES) {
                for (JsonNode value : entity.path("properties").path(property)) {
                    aliases++;
                    assertTrue(indexed.contains(value.asText().strip().toLowerCase(Locale.ROOT)),
                            property + " \"" + value.asText() + "\" of " + loaded.id() + " is not an indexed name");
                    if (value.asText().codePoints().anyMatch(c -> Character.isLetter(c)
                            && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN)) {
                        nonLatin.add(loaded.id() + "\t" + value.asText().strip());
                    }
                }
            }
        }
        assertTrue(aliases > 100, "the fixture's names were read: " + aliases);
        assertTrue(nonLatin.size() > 20, "names in Cyrillic and katakana: " + nonLatin.size());

        // Each name in another script, screened as written, finds its entity through that very name.
        for (String row : nonLatin) {
            String id = row.substring(0, row.indexOf('\t'));
            String name = row.substring(row.indexOf('\t') + 1);
            Hit hit = screener.screen(Query.of(name, Schema.ANY)).hits().stream()
                    .filter(h -> h.entityId().equals(id)).findFirst().orElse(null);
            assertTrue(hit != null, name + " does not find " + id);
            assertEquals(MatchRating.STRONG_MATCH, hit.rating(), name + ": " + hit.explanation().describe());
            assertEquals(1.0, hit.explanation().nameMatch().score(), 1e-9, name + ": " + hit.explanation().describe());
        }

        // The katakana alias of Zala Aero Group and the Ukrainian Cyrillic name of Nikita Zakharov in particular.
        Hit katakana = screener.screen(Query.of("ザラ・アエロ・グループ", Schema.ANY)).hits().get(0);
        assertEquals("NK-abdzbEBkqyT29GyREbiURZ", katakana.entityId());
        assertEquals("ザラ・アエロ・グループ", katakana.matchedName());
        Hit ukrainian = screener.screen(Query.person("Захаров Микита Олександрович")).hits().get(0);
        assertEquals("NK-JseaPJctnK9o8wrmz8xmoT", ukrainian.entityId());
        assertEquals("Захаров Микита Олександрович", ukrainian.matchedName());
    }
}
