package io.kycflow.screening;

import io.kycflow.screening.lists.FileFormat;
import io.kycflow.screening.lists.ListFileSniffer;
import io.kycflow.screening.load.ListInfo;
import io.kycflow.screening.load.ListLoader;
import io.kycflow.screening.load.ListPurpose;
import io.kycflow.screening.load.ListRegistry;
import io.kycflow.screening.load.LoadReport;
import io.kycflow.screening.load.LoadedList;
import io.kycflow.screening.match.Hit;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.Schema;
import io.kycflow.screening.match.Screener;
import io.kycflow.screening.model.BirthDate;
import io.kycflow.screening.model.EntityType;
import io.kycflow.screening.model.PepRole;
import io.kycflow.screening.model.SanctionedEntity;
import io.kycflow.screening.model.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PEP lists (US Congress and executive YAML) and the FollowTheMoney files, on the real files of
 * ../shared/data (skipped when absent) and on small files written here.
 */
class PepListsTest {

    @Test
    void congressAndExecutiveFilesAreRecognisedByContentAndReadWithTheirTerms(@TempDir Path dir) throws Exception {
        Path congress = SharedData.require("pep/us-congress");
        Path legislators = congress.resolve("legislators-current.yaml");
        Path executive = congress.resolve("executive.yaml");
        assertEquals(Optional.of(FileFormat.US_LEGISLATORS_YAML), ListFileSniffer.sniff(legislators));
        assertEquals(Optional.of(FileFormat.US_EXECUTIVE_YAML), ListFileSniffer.sniff(executive));
        // renamed files are still recognised, and both serve from one folder
        Path lists = Files.createDirectories(dir.resolve("pep"));
        Files.createSymbolicLink(lists.resolve("a.yaml"), legislators.toAbsolutePath());
        Files.createSymbolicLink(lists.resolve("b.yaml"), executive.toAbsolutePath());

        LoadReport report = new ListLoader().load(dir);

        assertEquals(List.of(), report.problems());
        Map<String, LoadedList> byId = report.loaded().stream().collect(Collectors.toMap(l -> l.info().listId(), Function.identity()));
        assertEquals(537, byId.get("us_congress").entities().size());
        assertEquals(80, byId.get("us_executive").entities().size());
        assertEquals(64, byId.get("us_congress").info().sha256().length());

        SanctionedEntity cantwell = byId.get("us_congress").entities().stream()
                .filter(e -> e.id().equals("C000127")).findFirst().orElseThrow();
        assertEquals("Maria Cantwell", cantwell.primaryName());
        assertEquals(List.of(BirthDate.exact(LocalDate.of(1958, 10, 13))), cantwell.birthDates());
        assertEquals(List.of(Topics.PEP), cantwell.topics());
        assertEquals(EntityType.PERSON, cantwell.type());
        // one role per office held without a break: the House 1993-1995, the Senate from 2001 on
        assertEquals(2, cantwell.roles().size(), cantwell.roles().toString());
        PepRole house = cantwell.roles().get(0);
        assertEquals("Member of the United States House of Representatives for WA", house.title());
        assertEquals(LocalDate.of(1995, 1, 3), house.endDate());
        PepRole senate = cantwell.roles().get(1);
        assertEquals("United States Senator for WA", senate.title());
        assertEquals(LocalDate.of(2001, 1, 3), senate.startDate());
        assertTrue(senate.endDate().isAfter(LocalDate.of(2026, 1, 1)), senate.toString());

        SanctionedEntity vance = byId.get("us_executive").entities().stream()
                .filter(e -> e.id().equals("V000137")).findFirst().orElseThrow();
        assertTrue(vance.names().stream().anyMatch(n -> n.fullName().equals("James David Vance")), vance.names().toString());
        assertEquals("Vice President of the United States", vance.roles().get(vance.roles().size() - 1).title());

        // the sanctions screener holds none of them; the PEP screener holds both
        ListRegistry sanctions = new ListRegistry(ListPurpose.SANCTIONS);
        sanctions.refresh(dir);
        assertTrue(sanctions.current().isEmpty());
        ListRegistry peps = new ListRegistry(ListPurpose.PEP);
        peps.refresh(dir);
        Screener screener = peps.current().orElseThrow().screener();
        Hit hit = screener.screen(new Query(null, "Maria", null, "Cantwell", "1958-10-13", "US", null, Schema.PERSON)).hits().get(0);
        assertEquals("C000127", hit.entityId());
        assertEquals(MatchRating.STRONG_MATCH, hit.rating());
    }

    @Test
    void ftmEntitiesIndexEveryNameInEveryScriptAndKeepTheirTopics(@TempDir Path dir) throws Exception {
        Path t1 = SharedData.require("ftm-samples/dataset/t1/entities.ftm.json");
        assertEquals(Optional.of(FileFormat.FTM_ENTITIES), ListFileSniffer.sniff(t1));
        Path folder = Files.createDirectories(dir.resolve("sanctions").resolve("2024-06-01"));
        Files.createSymbolicLink(folder.resolve("entities.ftm.json"), t1.toAbsolutePath());

        LoadReport report = new ListLoader().load(dir);

        assertEquals(List.of(), report.problems());
        LoadedList list = report.loaded().get(0);
        ListInfo info = list.info();
        assertEquals("ftm:sanctions", info.listId(), "the dataset is the folder above the dated snapshot");
        assertEquals("2024-06-01", info.version());
        assertEquals(6, list.entities().size(), "the Address entity has no name to screen");
        assertTrue(list.entities().stream().allMatch(e -> e.hasTopic(Topics.SANCTION)));

        ListRegistry sanctions = new ListRegistry(ListPurpose.SANCTIONS);
        sanctions.refresh(dir);
        Screener screener = sanctions.current().orElseThrow().screener();
        // the Cyrillic name is a name of its own, matched directly rather than through a transliteration
        Hit cyrillic = screener.screen(Query.of("Общество с ограниченной ответственностью “Интер Тобако”", Schema.ANY)).hits().get(0);
        assertEquals("NK-2GdmHtZTeNXjNVrBGEXZNj", cyrillic.entityId());
        assertEquals("Общество с ограниченной ответственностью “Интер Тобако”", cyrillic.matchedName());
        assertEquals(MatchRating.STRONG_MATCH, cyrillic.rating());
        assertEquals("ftm:sanctions", cyrillic.listId());

        ListRegistry peps = new ListRegistry(ListPurpose.PEP);
        peps.refresh(dir);
        assertTrue(peps.current().isEmpty(), "no entity of t1 is a PEP");
    }

    @Test
    void zalaKeepsOnlyTheParties() throws Exception {
        Path zala = SharedData.require("ftm-samples/dataset/zala");
        LoadReport report = new ListLoader().load(zala);
        assertEquals(List.of(), report.problems());
        List<SanctionedEntity> entities = report.loaded().get(0).entities();
        assertEquals(17, entities.size(), "11 companies and 6 people; sanctions, ownerships, addresses… are links");
        assertTrue(entities.stream().anyMatch(e -> e.hasTopic("debarment")));
    }

    @Test
    void ftmDeltasAreReplayedInVersionOrderWithEveryFileHashed() throws Exception {
        Path t2 = SharedData.require("ftm-samples/dataset/t2");
        assertEquals(Optional.of(FileFormat.FTM_DELTA_INDEX), ListFileSniffer.sniff(t2.resolve("delta.json")));

        LoadReport report = new ListLoader().load(t2);

        assertEquals(List.of(), report.problems());
        assertEquals(1, report.loaded().size(), "the version folders' deltas are read through the index, not alone");
        LoadedList list = report.loaded().get(0);
        assertEquals("ftm:t2", list.info().listId());
        assertEquals("20240528134729-3iv", list.info().version());
        assertEquals(LocalDate.of(2024, 5, 28), list.info().date());
        assertEquals(5, list.info().fileSha256().size(), "the index and the four delta files");
        Map<String, SanctionedEntity> byId = list.entities().stream().collect(Collectors.toMap(SanctionedEntity::id, e -> e));
        assertEquals(3, byId.size(), byId.keySet().toString());
        assertFalse(byId.containsKey("NK-500Poltergeist"), "added, then deleted");
        assertEquals("Foobar Foobargroup", byId.get("NK-2T3S8Hu29ktYnKSTgQp2wL").primaryName(), "modified");
        assertTrue(byId.containsKey("Q4365364"), "added by the last version");

        Screener screener = Screener.of(report.loaded());
        Hit plotnikov = screener.screen(Query.person("Владимир Николаевич ПЛОТНИКОВ").withDateOfBirth("1961-11-30")).hits().get(0);
        assertEquals("Q4365364", plotnikov.entityId());
        assertEquals(MatchRating.STRONG_MATCH, plotnikov.rating());
    }

    @Test
    void aVersionMissingAfterOneThatIsPresentIsAGapAndTheListIsRefused(@TempDir Path dir) throws Exception {
        Path ds = Files.createDirectories(dir.resolve("peps"));
        Files.writeString(ds.resolve("delta.json"), """
                {"versions": {"20260101000000-aaa": "x", "20260102000000-bbb": "y", "20260103000000-ccc": "z"}}""");
        Files.createDirectories(ds.resolve("20260101000000-aaa"));
        Files.writeString(ds.resolve("20260101000000-aaa/entities.delta.json"), pepLine("op-1", "Ana Example") + "\n");
        Files.createDirectories(ds.resolve("20260103000000-ccc"));
        Files.writeString(ds.resolve("20260103000000-ccc/entities.delta.json"), pepLine("op-2", "Bo Example") + "\n");

        LoadReport report = new ListLoader().load(dir);

        assertTrue(report.loaded().isEmpty());
        assertEquals(1, report.problems().size());
        assertTrue(report.problems().get(0).contains("20260102000000-bbb"), report.problems().toString());
    }

    @Test
    void ftmPepsAndTheirRelativesFeedThePepScreenerOnly(@TempDir Path dir) throws Exception {
        Path ds = Files.createDirectories(dir.resolve("peps"));
        Files.writeString(ds.resolve("entities.ftm.json"), String.join("\n",
                """
                {"id":"Q1","caption":"Ana Paula Example","schema":"Person","properties":{"name":["Ana Paula Example","Анна Пола Экзампл"],"birthDate":["1970-02-03"],"country":["br"],"position":["Minister of Finance of Brazil"],"topics":["role.pep"]}}""",
                """
                {"id":"Q2","caption":"Bruno Example","schema":"Person","properties":{"name":["Bruno Example"],"topics":["role.rca"]}}""",
                """
                {"id":"Q3","caption":"Carla Sanctioned","schema":"Person","properties":{"name":["Carla Sanctioned"],"topics":["sanction","role.pep"]}}""",
                """
                {"id":"Q4","caption":"Dan Other","schema":"Person","properties":{"name":["Dan Other"],"topics":["crime"]}}""")
                + "\n");

        ListRegistry peps = new ListRegistry(ListPurpose.PEP);
        peps.refresh(dir);
        ListRegistry sanctions = new ListRegistry(ListPurpose.SANCTIONS);
        sanctions.refresh(dir);

        LoadedList pepList = peps.current().orElseThrow().lists().get("ftm:peps");
        assertEquals(List.of("Q1", "Q2", "Q3"), pepList.entities().stream().map(SanctionedEntity::id).toList());
        assertEquals(3, pepList.info().recordCount());
        SanctionedEntity ana = pepList.entities().get(0);
        assertEquals(List.of(new PepRole("Minister of Finance of Brazil", "BR", null, null)), ana.roles());
        assertEquals(List.of("BR"), ana.nationalities());
        assertEquals(List.of("Q3"), sanctions.current().orElseThrow().lists().get("ftm:peps").entities().stream()
                .map(SanctionedEntity::id).toList());
        Hit cyrillic = peps.current().orElseThrow().screener().screen(Query.person("Анна Пола Экзампл")).hits().get(0);
        assertEquals("Q1", cyrillic.entityId());
        assertEquals(MatchRating.STRONG_MATCH, cyrillic.rating());
    }

    private static String pepLine(String id, String name) {
        return "{\"op\":\"ADD\",\"entity\":{\"id\":\"" + id + "\",\"caption\":\"" + name
                + "\",\"schema\":\"Person\",\"properties\":{\"name\":[\"" + name + "\"],\"topics\":[\"role.pep\"]}}}";
    }
}
