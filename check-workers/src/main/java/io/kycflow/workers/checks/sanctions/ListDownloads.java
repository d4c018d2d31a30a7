package io.kycflow.workers.checks.sanctions;

import io.kycflow.common.config.KycflowConfig;
import io.kycflow.screening.fetch.ListDownloader;
import io.kycflow.screening.fetch.ListRefreshSchedule;
import io.kycflow.screening.fetch.ListSource;
import io.kycflow.screening.fetch.ListSources;
import io.kycflow.screening.fetch.RefreshOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * The publishers' files fetched into the lists folder at start and then on a schedule
 * ({@code KYCFLOW_LISTS_DOWNLOAD}, on unless set to {@code off}; sources from {@code KYCFLOW_LISTS_SOURCES},
 * period from {@code KYCFLOW_LISTS_REFRESH_PERIOD}).
 *
 * <p>A new snapshot is read at once by every list reader fed from the folder, rather than at their next
 * periodic re-read. Until the first run has ended, a list check with no list waits for it (a first start
 * downloads for a minute or so); after it, no list means the check answers {@code error} at once.
 */
public final class ListDownloads implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ListDownloads.class);

    private final HttpClient http;
    private final Path listsDir;
    private final ListRefreshSchedule schedule;
    private final CountDownLatch firstRun = new CountDownLatch(1);
    private final List<SanctionsListsRefresher> readers = new CopyOnWriteArrayList<>();

    public ListDownloads(Path listsDir, List<ListSource> sources, Duration period) {
        this.http = ListDownloader.httpClient();
        this.listsDir = listsDir;
        this.schedule = new ListRefreshSchedule(new ListDownloader(http, listsDir, sources), period, this::afterRun);
    }

    /** The publishers' official URLs, or {@code KYCFLOW_LISTS_SOURCES}; started now, in the background. */
    public static ListDownloads startFromEnvironment(KycflowConfig config) {
        try {
            return new ListDownloads(config.listsDir(), ListSources.fromEnvironment(System.getenv()),
                    ListRefreshSchedule.periodFromEnvironment(System.getenv())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the list sources: " + e.getMessage(), e);
        }
    }

    /** Starts the first run now, in the background. */
    public ListDownloads start() {
        log.info("downloading the official lists into {} (set KYCFLOW_LISTS_DOWNLOAD=off to opt out)", listsDir);
        schedule.start();
        return this;
    }

    /** A reader of the lists folder to re-read as soon as a download lands. */
    public void feeds(SanctionsListsRefresher reader) {
        readers.add(reader);
    }

    /** True until the first download run has ended, whatever its outcome. */
    public boolean firstRunPending() {
        return firstRun.getCount() > 0;
    }

    private void afterRun(List<RefreshOutcome> outcomes) {
        if (outcomes.stream().anyMatch(o -> o.status() == RefreshOutcome.Status.NEW_SNAPSHOT)) {
            readers.forEach(SanctionsListsRefresher::refreshNow);
        }
        if (firstRunPending()) {
            long failed = outcomes.stream().filter(o -> o.status() == RefreshOutcome.Status.FAILED).count();
            if (failed == outcomes.size() && !outcomes.isEmpty() && readers.stream().noneMatch(SanctionsListsRefresher::inService)) {
                log.warn("no list could be downloaded and none is in {}: screening checks answer error "
                        + "(lists_unavailable) until the files are there; see README, 'Sanctions and PEP lists'",
                        listsDir);
            }
            firstRun.countDown();
        }
    }

    @Override
    public void close() {
        schedule.close();
        http.close();
    }
}
