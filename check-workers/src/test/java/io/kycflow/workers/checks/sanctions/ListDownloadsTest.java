package io.kycflow.workers.checks.sanctions;

import com.sun.net.httpserver.HttpServer;
import io.kycflow.screening.fetch.ListSource;
import io.kycflow.screening.fetch.SourceFile;
import io.kycflow.screening.load.ListRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first start with an empty lists folder: the lists come from a publisher (a real HTTP server on loopback,
 * serving real OFAC-format files), the check waits for them and serves them as soon as they land, not at the
 * next periodic re-read; with the publisher unreachable, the check answers error at once.
 */
class ListDownloadsTest {

    private static final List<String> SDN_FILES = List.of("sdn.csv", "add.csv", "alt.csv");
    private static final Duration HOURS = Duration.ofHours(6);

    private HttpServer publisher;

    @AfterEach
    void stop() {
        if (publisher != null) {
            publisher.stop(0);
        }
    }

    @Test
    void theCheckWaitsForTheFirstDownloadThenServesItAtOnce(@TempDir Path lists) throws Exception {
        Path files = SanctionsScreeningCheckTest.fixtureLists().resolve("ofac_sdn/2026-03-01");
        CountDownLatch release = new CountDownLatch(1);
        publisher = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        publisher.createContext("/ofac/", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS); // a slow publisher: the first download takes a while
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = Files.readAllBytes(files.resolve(Path.of(exchange.getRequestURI().getPath()).getFileName()));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        publisher.start();

        ListRegistry registry = new ListRegistry();
        try (ListDownloads downloads = new ListDownloads(lists, List.of(sdnSource("/ofac/")), HOURS);
             SanctionsListsRefresher reader = new SanctionsListsRefresher(registry, lists, Duration.ofMinutes(10))) {
            downloads.feeds(reader);
            reader.start();
            SanctionsScreeningCheck check = new SanctionsScreeningCheck(registry, Duration.ZERO, Clock.systemUTC(),
                    downloads::firstRunPending);
            downloads.start();

            assertFalse(check.ready(), "no task is taken while the first download runs");
            assertEquals("lists_pending", check.unavailability().orElseThrow().code());
            assertTrue(new ListsBanner(lists, List.of(registry), true).text().orElseThrow()
                    .contains("downloading the official lists now"));

            release.countDown();
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!(reader.inService() && check.ready()) && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertTrue(reader.inService(), "the download is read at once, not at the 10-minute re-read");
            assertTrue(check.ready());
            assertTrue(check.unavailability().isEmpty());
            assertTrue(new ListsBanner(lists, List.of(registry), true).text().orElseThrow()
                    .startsWith("lists in service from " + lists + ": ofac_sdn"));
        }
    }

    @Test
    void withThePublisherUnreachableTheCheckAnswersErrorAtOnce(@TempDir Path lists) throws Exception {
        publisher = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        publisher.createContext("/", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        publisher.start();

        ListRegistry registry = new ListRegistry();
        try (ListDownloads downloads = new ListDownloads(lists, List.of(sdnSource("/ofac/")), HOURS);
             SanctionsListsRefresher reader = new SanctionsListsRefresher(registry, lists, Duration.ofMinutes(10))) {
            downloads.feeds(reader);
            reader.start();
            SanctionsScreeningCheck check = new SanctionsScreeningCheck(registry, Duration.ZERO, Clock.systemUTC(),
                    downloads::firstRunPending);
            downloads.start();
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (downloads.firstRunPending() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertFalse(downloads.firstRunPending());
            assertTrue(check.ready(), "with no list coming, a task is answered now");
            assertEquals("lists_unavailable", check.unavailability().orElseThrow().code());
            assertFalse(reader.inService());
            String banner = new ListsBanner(lists, List.of(registry), false).text().orElseThrow();
            assertTrue(banner.contains("put the official files in " + lists), banner);
            assertTrue(banner.contains("screening checks answer error (lists_unavailable)"), banner);
        }
    }

    private ListSource sdnSource(String prefix) {
        URI base = URI.create("http://127.0.0.1:" + publisher.getAddress().getPort() + prefix);
        return new ListSource("ofac_sdn", SDN_FILES.stream().map(f -> new SourceFile(f, base.resolve(f))).toList());
    }
}
