package io.kycflow.screening;

import io.kycflow.screening.lists.FileFormat;
import io.kycflow.screening.lists.FileRole;
import io.kycflow.screening.lists.ListFileSniffer;
import io.kycflow.screening.lists.ListFiles;
import io.kycflow.screening.lists.ListFormatException;
import io.kycflow.screening.lists.ListKind;
import io.kycflow.screening.lists.ListParser;
import io.kycflow.screening.lists.OfacRemarks;
import io.kycflow.screening.lists.ParsedList;
import io.kycflow.screening.model.AliasQuality;
import io.kycflow.screening.model.BirthDate;
import io.kycflow.screening.model.EntityName;
import io.kycflow.screening.model.EntityType;
import io.kycflow.screening.model.NameType;
import io.kycflow.screening.model.SanctionedEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListParsersTest {

    private static SanctionedEntity byId(ParsedList list, String id) {
        return list.entities().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    private static boolean hasName(SanctionedEntity e, String name) {
        return e.names().stream().map(EntityName::fullName).anyMatch(name::equals);
    }

    @Test
    void ofacSdnSetWithNullMarkersSubByteAliasesAddressesAndRemarksOverflow() throws Exception {
        Path dir = Fixtures.file("ofac_sdn/2020-02-01");
        ParsedList list = ListParser.forKind(ListKind.OFAC_SDN).parse(ListFiles.of(Map.of(
                FileRole.PRIMARY, dir.resolve("sdn.csv"), FileRole.ALIASES, dir.resolve("alt.csv"),
                FileRole.ADDRESSES, dir.resolve("add.csv"), FileRole.COMMENTS, dir.resolve("sdn_comments.csv"))));
        assertEquals(4, list.entities().size(), "the 0x1A byte must not become a record; orphan alias ignored");
        SanctionedEntity putin = byId(list, "100");
        assertEquals(EntityType.PERSON, putin.type());
        assertEquals("PUTIN, Vladimir Vladimirovich", putin.primaryName());
        assertEquals("PUTIN", putin.names().get(0).parts().familyName());
        assertTrue(hasName(putin, "PUTIN, Vladimir"));
        EntityName vvp = putin.names().stream().filter(n -> n.fullName().equals("VVP")).findFirst().orElseThrow();
        assertEquals(AliasQuality.WEAK, vvp.quality());
        assertTrue(putin.birthDates().contains(BirthDate.exact(LocalDate.of(1952, 10, 7))));
        assertTrue(putin.birthDates().contains(BirthDate.circa(1953)));
        assertTrue(putin.nationalities().contains("RU"));
        assertEquals("male", putin.gender());
        assertTrue(putin.placesOfBirth().contains("Leningrad, Russia"));
        assertTrue(putin.identifiers().stream().anyMatch(i -> i.type().equals("Passport") && i.number().equals("123456")));
        // "Registration Numbe" + "r 1027700 (Russia); National ID No. 4500 (Russia)" joined with no separator
        assertTrue(putin.identifiers().stream().anyMatch(i -> i.type().equals("Registration Number") && i.number().equals("1027700")));
        assertTrue(putin.identifiers().stream().anyMatch(i -> i.type().equals("National ID No.") && i.number().equals("4500")));
        assertTrue(putin.programmes().contains("RUSSIA-EO14024"));
        assertEquals("Kremlin, Moscow, Russia", putin.addresses().get(0).text());
        assertEquals("RU", putin.addresses().get(0).countryCode());

        SanctionedEntity bank = byId(list, "200");
        assertEquals(EntityType.ORGANISATION, bank.type(), "-0- SDN_Type means an entity");
        assertTrue(bank.birthDates().isEmpty());
        SanctionedEntity vessel = byId(list, "300");
        assertEquals(EntityType.VESSEL, vessel.type());
        assertEquals(2, vessel.programmes().size(), "'IRAN] [SDGT' is two programmes");
        assertTrue(vessel.addresses().isEmpty(), "an all -0- address row is no address");
        SanctionedEntity ubl = byId(list, "400");
        assertTrue(ubl.birthDates().contains(BirthDate.range(1955, 1958)));
        assertTrue(ubl.nationalities().contains("SA"));
        assertEquals(NameType.FKA, ubl.names().stream().filter(n -> n.fullName().equals("BIN LADIN, Usama"))
                .findFirst().orElseThrow().type());
    }

    @Test
    void ofacConsolidatedSetWithCommentsOverflowAka() throws Exception {
        Path dir = Fixtures.file("ofac_cons");
        ParsedList list = ListParser.forKind(ListKind.OFAC_CONSOLIDATED).parse(ListFiles.of(Map.of(
                FileRole.PRIMARY, dir.resolve("cons_prim.csv"), FileRole.ALIASES, dir.resolve("cons_alt.csv"),
                FileRole.COMMENTS, dir.resolve("cons_comments.csv"))));
        assertEquals(2, list.entities().size());
        assertEquals("ofac_consolidated", list.entities().get(0).listId());
        assertTrue(byId(list, "9639").birthDates().contains(BirthDate.year(1962)));
        assertTrue(hasName(byId(list, "17014"), "SB BANK"), "a.k.a. mined from the overflowed remarks");
    }

    @Test
    void remarksMining() {
        OfacRemarks r = OfacRemarks.parse("DOB circa 1960; alt. DOB Jan 1961; DOB 1955 to 1958; POB Kabul, Afghanistan; "
                + "nationality Afghanistan; citizen Pakistan; Gender Female; Passport OR123 (Afghanistan); "
                + "alt. Passport X9; Cedula No. 55 (Venezuela); a.k.a. 'ABU X'; a.k.a. 'THE Y'.");
        assertEquals(3, r.birthDates().size());
        assertTrue(r.birthDates().contains(BirthDate.circa(1960)));
        assertTrue(r.birthDates().contains(BirthDate.year(1961)));
        assertEquals("female", r.gender());
        assertEquals(java.util.List.of("AF", "PK"), r.nationalities());
        assertEquals(java.util.List.of("ABU X", "THE Y"), r.weakAliases());
        assertEquals(3, r.identifiers().size());
    }

    @Test
    void unXmlStreamed() throws Exception {
        ParsedList list = ListParser.forKind(ListKind.UN).parse(ListFiles.single(Fixtures.file("un/consolidated.xml")));
        assertEquals(LocalDate.of(2026, 2, 27), list.publishedOn());
        assertEquals("2026-02-27T00:00:09.554Z", list.version());
        SanctionedEntity salek = byId(list, "6908000");
        assertEquals("ABDUL HAI SALEK", salek.primaryName());
        assertEquals(java.util.List.of("ABDUL HAI", "SALEK"), salek.names().get(0).parts().parts());
        assertTrue(salek.names().stream().anyMatch(n -> n.type() == NameType.ORIGINAL_SCRIPT));
        assertEquals(AliasQuality.WEAK, salek.names().stream().filter(n -> n.fullName().equals("Mullah Salek"))
                .findFirst().orElseThrow().quality());
        assertEquals(4, salek.names().size(), "the empty alias element is skipped");
        assertTrue(salek.birthDates().contains(BirthDate.circa(1965)));
        assertTrue(salek.birthDates().contains(BirthDate.range(1960, 1962)));
        assertTrue(salek.birthDates().contains(BirthDate.exact(LocalDate.of(1966, 3, 1))));
        assertEquals(java.util.List.of("AF"), salek.nationalities());
        assertEquals(LocalDate.of(2001, 2, 23), salek.listedOn());
        assertEquals(EntityType.ORGANISATION, byId(list, "6908742").type());
        assertEquals("KP", byId(list, "6908742").addresses().get(0).countryCode());
    }

    @Test
    void unMalformedXmlNamesFileAndLine(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("consolidated.xml");
        Files.writeString(bad, "<CONSOLIDATED_LIST dateGenerated=\"x\">\n<INDIVIDUALS>\n<INDIVIDUAL><DATAID>1</DATAID>\n</INDIVIDUALS>");
        ListFormatException e = assertThrows(ListFormatException.class,
                () -> ListParser.forKind(ListKind.UN).parse(ListFiles.single(bad)));
        assertEquals(bad, e.file());
        assertTrue(e.line() >= 3, "line " + e.line());
    }

    @Test
    void ukConListGroupedByGroupId() throws Exception {
        ParsedList list = ListParser.forKind(ListKind.UK_OFSI).parse(ListFiles.single(Fixtures.file("uk_ofsi/ConList.csv")));
        assertEquals(LocalDate.of(2025, 4, 10), list.publishedOn());
        assertEquals(2, list.entities().size(), "two rows of group 14871 are one target");
        SanctionedEntity putin = byId(list, "14871");
        assertEquals("Vladimir Vladimirovich PUTIN", putin.primaryName());
        assertTrue(hasName(putin, "Vladimir PUTIN"));
        assertTrue(hasName(putin, "Владимир Путин"));
        assertTrue(putin.birthDates().contains(BirthDate.exact(LocalDate.of(1952, 10, 7))));
        assertTrue(putin.birthDates().contains(BirthDate.year(1952)), "00/00/1952 is a year");
        assertEquals("male", putin.gender());
        assertEquals(EntityType.VESSEL, byId(list, "99").type());
    }

    @Test
    void ukSanctionsListFcdoByHeader() throws Exception {
        ParsedList list = ListParser.forKind(ListKind.UK_FCDO).parse(ListFiles.single(Fixtures.file("uk_fcdo/UK-Sanctions-List.csv")));
        assertEquals(2, list.entities().size());
        SanctionedEntity putin = byId(list, "RUS0251");
        assertEquals("Vladimir Vladimirovich PUTIN", putin.primaryName());
        assertEquals(3, putin.names().size());
        assertEquals(AliasQuality.STRONG, putin.names().stream().filter(n -> n.fullName().equals("Vladimir PUTIN"))
                .findFirst().orElseThrow().quality());
        assertTrue(putin.nationalities().contains("RU"));
        assertEquals(EntityType.VESSEL, byId(list, "IRN0001").type());
        assertTrue(byId(list, "IRN0001").identifiers().stream().anyMatch(i -> i.type().equals("IMO")));
        assertEquals(LocalDate.of(2026, 2, 3), list.publishedOn());
    }

    @Test
    void euFsfGroupedByLogicalId() throws Exception {
        ParsedList list = ListParser.forKind(ListKind.EU_FSF).parse(ListFiles.single(Fixtures.file("eu/eu-fsf.csv")));
        assertEquals(2, list.entities().size());
        SanctionedEntity saddam = byId(list, "13");
        assertEquals(EntityType.PERSON, saddam.type());
        assertEquals("Saddam Hussein Al-Tikriti", saddam.primaryName());
        assertTrue(hasName(saddam, "Abu Ali"));
        assertTrue(saddam.birthDates().contains(BirthDate.exact(LocalDate.of(1937, 4, 28))));
        assertTrue(saddam.nationalities().contains("IQ"));
        assertTrue(saddam.identifiers().stream().anyMatch(i -> i.number().equals("A123")));
        SanctionedEntity bank = byId(list, "42");
        assertEquals(EntityType.ORGANISATION, bank.type());
        assertEquals("Commercial Bank of Syria; Damascus", bank.primaryName(), "quoted ';' stays in the field");
        assertEquals(LocalDate.of(2022, 10, 28), list.publishedOn());
    }

    @Test
    void malformedOfacRowNamesFileAndLine() {
        Path bad = Fixtures.file("malformed/sdn.csv");
        ListFormatException e = assertThrows(ListFormatException.class,
                () -> ListParser.forKind(ListKind.OFAC_SDN).parse(ListFiles.single(bad)));
        assertEquals(bad, e.file());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("sdn.csv:2"), e.getMessage());
    }

    @Test
    void filesRecognisedByContentNotName(@TempDir Path tmp) throws Exception {
        Path renamed = tmp.resolve("data.csv");
        Files.copy(Fixtures.file("ofac_sdn/2020-02-01/sdn.csv"), renamed);
        assertEquals(FileFormat.OFAC_SDN_PRIMARY, ListFileSniffer.sniff(renamed).orElseThrow());
        assertEquals(FileFormat.OFAC_CONSOLIDATED_PRIMARY, ListFileSniffer.sniff(Fixtures.file("ofac_cons/cons_prim.csv")).orElseThrow());
        assertEquals(FileFormat.OFAC_ALIASES, ListFileSniffer.sniff(Fixtures.file("ofac_sdn/2020-02-01/alt.csv")).orElseThrow());
        assertEquals(FileFormat.OFAC_ADDRESSES, ListFileSniffer.sniff(Fixtures.file("ofac_sdn/2020-02-01/add.csv")).orElseThrow());
        assertEquals(FileFormat.OFAC_COMMENTS, ListFileSniffer.sniff(Fixtures.file("ofac_sdn/2020-02-01/sdn_comments.csv")).orElseThrow());
        assertEquals(FileFormat.UN_XML, ListFileSniffer.sniff(Fixtures.file("un/consolidated.xml")).orElseThrow());
        assertEquals(FileFormat.UK_OFSI_CSV, ListFileSniffer.sniff(Fixtures.file("uk_ofsi/ConList.csv")).orElseThrow());
        assertEquals(FileFormat.UK_FCDO_CSV, ListFileSniffer.sniff(Fixtures.file("uk_fcdo/UK-Sanctions-List.csv")).orElseThrow());
        assertEquals(FileFormat.EU_FSF_CSV, ListFileSniffer.sniff(Fixtures.file("eu/eu-fsf.csv")).orElseThrow());
        Path other = tmp.resolve("sdn.csv");
        Files.writeString(other, "name,amount\nfoo,1\n");
        assertTrue(ListFileSniffer.sniff(other).isEmpty(), "a file named sdn.csv is not OFAC because of its name");
        assertNull(FileFormat.OFAC_ALIASES.kind());
    }
}
