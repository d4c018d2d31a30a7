package io.kycflow.screening.fetch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListSourcesTest {

    @Test
    void bundledDefaultsAreTheOfficialHttpsUrls() throws IOException {
        List<ListSource> sources = ListSources.fromEnvironment(Map.of());
        assertEquals(List.of("ofac_consolidated", "ofac_sdn", "uk_fcdo", "uk_ofsi", "un"),
                sources.stream().map(ListSource::listId).toList());
        assertTrue(sources.stream().flatMap(s -> s.files().stream()).allMatch(f -> f.url().getScheme().equals("https")));
        ListSource sdn = sources.get(1);
        assertEquals(List.of("add.csv", "alt.csv", "sdn.csv", "sdn_comments.csv"),
                sdn.files().stream().map(SourceFile::fileName).toList());
    }

    @Test
    void fileNamedByTheEnvironmentReplacesTheDefaults(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("sources.properties"),
                "# a mirror\nun.consolidated.xml = https://mirror.example.org/un.xml\n");
        List<ListSource> sources = ListSources.fromEnvironment(Map.of(ListSources.ENV_VARIABLE, file.toString()));
        assertEquals(1, sources.size());
        assertEquals("mirror.example.org", sources.get(0).files().get(0).url().getHost());
    }

    @Test
    void plainHttpOnlyToLoopbackAndOnlyKnownLists(@TempDir Path tmp) throws IOException {
        Path http = Files.writeString(tmp.resolve("a.properties"), "un.consolidated.xml = http://mirror.example.org/un.xml\n");
        assertThrows(IOException.class, () -> ListSources.fromFile(http));
        Path loopback = Files.writeString(tmp.resolve("b.properties"), "un.consolidated.xml = http://127.0.0.1:8080/un.xml\n");
        assertEquals(1, ListSources.fromFile(loopback).size());
        Path unknown = Files.writeString(tmp.resolve("c.properties"), "nowhere.list.csv = https://example.org/x.csv\n");
        assertThrows(IOException.class, () -> ListSources.fromFile(unknown));
    }
}
