package io.kycflow.screening.fetch;

import io.kycflow.screening.load.ListInfo;
import io.kycflow.screening.load.ListLoader;
import io.kycflow.screening.load.LoadReport;
import io.kycflow.screening.load.LoadedList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.kycflow.screening.fetch.RefreshOutcome.Status.FAILED;
import static io.kycflow.screening.fetch.RefreshOutcome.Status.NEW_SNAPSHOT;
import static io.kycflow.screening.fetch.RefreshOutcome.Status.UNCHANGED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListDownloaderTest {
    private static final List<String> SDN_FILES = List.of("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv");

    @TempDir
    Path lists;
    private FixtureServer server;
    private HttpClient client;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));

    @BeforeEach
    void setUp() throws IOException {
        server = new FixtureServer();
        client = ListDownloader.httpClient();
        for (String f : SDN_FILES) {
            server.serve("/ofac/" + f, FixtureServer.resource("ofac_sdn/v1/" + f), "\"" + f + "-v1\"");
        }
        server.serve("/un/consolidated.xml", FixtureServer.resource("un/consolidated.xml"), "\"un-v1\"");
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private ListSource sdnSource() {
        return new ListSource("ofac_sdn", SDN_FILES.stream()
                .map(f -> new SourceFile(f, server.uri("/ofac/" + f))).toList());
    }

    private ListSource unSource() {
        return new ListSource("un", List.of(new SourceFile("consolidated.xml", server.uri("/un/consolidated.xml"))));
    }

    private ListDownloader downloader(ListSource... sources) {
        return downloader(DownloadSettings.DEFAULTS, sources);
    }

    private ListDownloader downloader(DownloadSettings settings, ListSource... sources) {
        return new ListDownloader(client, lists, List.of(sources), settings, clock);
    }

    private Map<String, ListInfo> loaded() throws IOException {
        LoadReport report = new ListLoader().load(lists);
        assertTrue(report.problems().isEmpty(), report.problems().toString());
        return report.loaded().stream().map(LoadedList::info).collect(Collectors.toMap(ListInfo::listId, i -> i));
    }

    private List<String> snapshotFolders(String listId) throws IOException {
        try (Stream<Path> s = Files.list(lists.resolve(listId))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void firstFetchCreatesASnapshotTheLoaderServes() throws Exception {
        List<RefreshOutcome> outcomes = downloader(sdnSource(), unSource()).refreshAll();

        assertEquals(List.of(NEW_SNAPSHOT, NEW_SNAPSHOT), outcomes.stream().map(RefreshOutcome::status).toList(), outcomes.toString());
        assertEquals(List.of("2026-03-02T080000Z"), snapshotFolders("ofac_sdn"));
        Path snapshot = lists.resolve("ofac_sdn/2026-03-02T080000Z");
        for (String f : SDN_FILES) {
            assertTrue(Arrays.equals(FixtureServer.resource("ofac_sdn/v1/" + f), Files.readAllBytes(snapshot.resolve(f))), f);
        }
        Map<String, ListInfo> infos = loaded();
        assertEquals(4, infos.get("ofac_sdn").recordCount());
        assertTrue(infos.get("ofac_sdn").folder().endsWith("2026-03-02T080000Z"));
        assertEquals(3, infos.get("un").recordCount());
        assertTrue(server.requests.stream().allMatch(r -> r.ifNoneMatch() == null), "first fetch is unconditional");
    }

    @Test
    void notModifiedCreatesNothing() throws Exception {
        ListDownloader d = downloader(sdnSource());
        assertEquals(NEW_SNAPSHOT, d.refreshAll().get(0).status());
        server.requests.clear();
        clock.advance(Duration.ofHours(6));

        RefreshOutcome second = d.refreshAll().get(0);

        assertEquals(UNCHANGED, second.status(), second.toString());
        assertEquals(List.of("2026-03-02T080000Z"), snapshotFolders("ofac_sdn"));
        assertEquals(4, server.requests.size());
        for (FixtureServer.Request r : server.requests) {
            String file = r.path().substring("/ofac/".length());
            assertEquals("\"" + file + "-v1\"", r.ifNoneMatch(), "conditional GET for " + file);
            assertEquals("Wed, 01 Jan 2026 00:00:00 GMT", r.ifModifiedSince());
        }
    }

    @Test
    void changedFileMakesANewSnapshotThatReplacesTheSameDaysOlderOne() throws Exception {
        ListDownloader d = downloader(sdnSource());
        d.refreshAll();
        server.serve("/ofac/sdn.csv", FixtureServer.resource("ofac_sdn/v2/sdn.csv"), "\"sdn.csv-v2\"");
        clock.advance(Duration.ofHours(6));

        RefreshOutcome o = d.refreshAll().get(0);

        assertEquals(NEW_SNAPSHOT, o.status(), o.toString());
        // The loader orders snapshots by the date in the folder name only: the earlier one of the day goes.
        assertEquals(List.of("2026-03-02T140000Z"), snapshotFolders("ofac_sdn"));
        assertEquals(5, loaded().get("ofac_sdn").recordCount());
        // unchanged files came from the previous snapshot (304), byte for byte
        assertTrue(Arrays.equals(FixtureServer.resource("ofac_sdn/v1/alt.csv"),
                Files.readAllBytes(o.snapshot().resolve("alt.csv"))));
    }

    @Test
    void snapshotsOfEarlierDaysAreKeptUpToTheLimitAndHandPlacedOnesNeverTouched() throws Exception {
        Path handPlaced = Files.createDirectories(lists.resolve("ofac_sdn/2020-01-01"));
        Files.write(handPlaced.resolve("sdn.csv"), FixtureServer.resource("ofac_sdn/v1/sdn.csv"));
        ListDownloader d = downloader(new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 1 << 20, 5, 2, 0.5),
                sdnSource());
        for (int day = 0; day < 3; day++) {
            byte[] body = (new String(FixtureServer.resource("ofac_sdn/v2/sdn.csv"), StandardCharsets.UTF_8)
                    .replace("NEWCOMER", "NEWCOMER" + day)).getBytes(StandardCharsets.UTF_8);
            server.serve("/ofac/sdn.csv", body, "\"day" + day + "\"");
            assertEquals(NEW_SNAPSHOT, d.refreshAll().get(0).status());
            clock.advance(Duration.ofDays(1));
        }
        assertEquals(List.of("2020-01-01", "2026-03-03T080000Z", "2026-03-04T080000Z"), snapshotFolders("ofac_sdn"));
        assertTrue(loaded().get("ofac_sdn").folder().endsWith("2026-03-04T080000Z"));
    }

    @Test
    void truncatedXmlLeavesThePreviousSnapshotInService() throws Exception {
        ListDownloader d = downloader(unSource());
        d.refreshAll();
        byte[] full = FixtureServer.resource("un/consolidated.xml");
        server.serve("/un/consolidated.xml", Arrays.copyOf(full, full.length / 2), "\"un-v2\"");
        clock.advance(Duration.ofDays(1));

        RefreshOutcome o = d.refreshAll().get(0);

        assertEquals(FAILED, o.status());
        assertTrue(o.detail().startsWith("download rejected"), o.detail());
        assertNoStagingLeft("un");
        assertEquals(List.of("2026-03-02T080000Z"), snapshotFolders("un"));
        assertEquals(3, loaded().get("un").recordCount());
    }

    @Test
    void csvCutAtALineEndIsRefusedAsPartial() throws Exception {
        ListDownloader d = downloader(sdnSource());
        d.refreshAll();
        String full = new String(FixtureServer.resource("ofac_sdn/v1/sdn.csv"), StandardCharsets.UTF_8);
        server.serve("/ofac/sdn.csv", full.substring(0, full.indexOf("\r\n") + 2).getBytes(StandardCharsets.UTF_8), "\"cut\"");
        clock.advance(Duration.ofDays(1));

        RefreshOutcome o = d.refreshAll().get(0);

        assertEquals(FAILED, o.status());
        assertTrue(o.detail().contains("probably partial"), o.detail());
        assertEquals(4, loaded().get("ofac_sdn").recordCount());
    }

    @Test
    void connectionCutMidTransferAndErrorPagesAreRejected() throws Exception {
        ListDownloader d = downloader(sdnSource(), unSource());
        d.refreshAll();
        clock.advance(Duration.ofDays(1));
        byte[] sdn = FixtureServer.resource("ofac_sdn/v2/sdn.csv");
        server.route("/ofac/sdn.csv", new FixtureServer.ShortBody(Arrays.copyOf(sdn, 100), sdn.length));
        server.serve("/un/consolidated.xml", "<html><body>Service unavailable</body></html>".getBytes(StandardCharsets.UTF_8), "\"err\"");

        List<RefreshOutcome> outcomes = d.refreshAll();

        assertEquals(List.of(FAILED, FAILED), outcomes.stream().map(RefreshOutcome::status).toList(), outcomes.toString());
        assertEquals(List.of("2026-03-02T080000Z"), snapshotFolders("ofac_sdn"));
        assertEquals(List.of("2026-03-02T080000Z"), snapshotFolders("un"));
        assertNoStagingLeft("ofac_sdn");
        assertEquals(4, loaded().get("ofac_sdn").recordCount());
    }

    @Test
    void serverDownChangesNothingAndThrowsNothing() throws Exception {
        downloader(sdnSource()).refreshAll();
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        ListSource unreachable = new ListSource("ofac_sdn", SDN_FILES.stream()
                .map(f -> new SourceFile(f, URI.create("http://127.0.0.1:" + deadPort + "/ofac/" + f))).toList());
        clock.advance(Duration.ofDays(1));

        RefreshOutcome o = downloader(unreachable).refreshAll().get(0);

        assertEquals(FAILED, o.status());
        assertEquals(List.of("2026-03-02T080000Z"), snapshotFolders("ofac_sdn"));
        assertEquals(4, loaded().get("ofac_sdn").recordCount());
    }

    @Test
    void redirectToPlainHttpIsRefused() throws Exception {
        server.route("/un/consolidated.xml", new FixtureServer.Redirect(server.uri("/elsewhere.xml").toString()));
        server.serve("/elsewhere.xml", FixtureServer.resource("un/consolidated.xml"), "\"x\"");

        RefreshOutcome o = downloader(unSource()).refreshAll().get(0);

        assertEquals(FAILED, o.status());
        assertTrue(o.detail().contains("non-https"), o.detail());
        assertFalse(Files.exists(lists.resolve("un/2026-03-02T080000Z")));
    }

    @Test
    void oversizeAndStalledTransfersFail() throws Exception {
        DownloadSettings tight = new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(1), 1000, 5, 3, 0.5);
        RefreshOutcome big = downloader(tight, unSource()).refreshAll().get(0);
        assertEquals(FAILED, big.status());
        assertTrue(big.detail().contains("cap"), big.detail());

        server.route("/ofac/sdn.csv", new FixtureServer.Stall(5_000));
        long t0 = System.nanoTime();
        RefreshOutcome stalled = downloader(tight, sdnSource()).refreshAll().get(0);
        assertEquals(FAILED, stalled.status());
        assertTrue(stalled.detail().contains("took over"), stalled.detail());
        assertTrue(System.nanoTime() - t0 < 4_000_000_000L, "gave up at the transfer deadline");
        assertNoStagingLeft("ofac_sdn");
    }

    @Test
    void sameBytesWithoutValidatorsMakeNoNewSnapshot() throws Exception {
        server.route("/un/consolidated.xml", new FixtureServer.Serve(FixtureServer.resource("un/consolidated.xml"), null, null));
        ListDownloader d = downloader(unSource());
        assertEquals(NEW_SNAPSHOT, d.refreshAll().get(0).status());
        clock.advance(Duration.ofDays(1));

        RefreshOutcome o = d.refreshAll().get(0);

        assertEquals(UNCHANGED, o.status(), o.toString());
        assertEquals(List.of("2026-03-02T080000Z"), snapshotFolders("un"));
    }

    @Test
    void scheduleContainsFailuresAndReportsEachRun() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        ListSource unreachable = new ListSource("un", List.of(new SourceFile("consolidated.xml",
                URI.create("http://127.0.0.1:" + deadPort + "/un.xml"))));
        java.util.concurrent.BlockingQueue<List<RefreshOutcome>> runs = new java.util.concurrent.LinkedBlockingQueue<>();
        try (ListRefreshSchedule schedule = new ListRefreshSchedule(downloader(unreachable), Duration.ofMillis(50), runs::add)) {
            schedule.start();
            for (int i = 0; i < 3; i++) {
                List<RefreshOutcome> run = runs.poll(10, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(FAILED, run.get(0).status(), String.valueOf(run));
            }
        }
        assertFalse(Files.exists(lists.resolve("un")) && snapshotFolders("un").stream().anyMatch(n -> !n.startsWith(".")));
    }

    private void assertNoStagingLeft(String listId) throws IOException {
        try (Stream<Path> s = Files.list(lists.resolve(listId))) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".incoming")).toList();
            assertTrue(names.isEmpty(), names.toString());
        }
    }

    @Test
    void snapshotDatesDifferFromTheirPredecessor() throws Exception {
        // guard for the folder naming: two refreshes within one second still get distinct folders
        ListDownloader d = downloader(unSource());
        Path first = d.refreshAll().get(0).snapshot();
        byte[] changed = new String(FixtureServer.resource("un/consolidated.xml"), StandardCharsets.UTF_8)
                .replace("SAMPLESON", "SAMPLESEN").getBytes(StandardCharsets.UTF_8);
        server.serve("/un/consolidated.xml", changed, "\"un-v2\"");
        Path second = d.refreshAll().get(0).snapshot();
        assertNotEquals(first, second);
        assertEquals(List.of(second.getFileName().toString()), snapshotFolders("un"));
    }
}
