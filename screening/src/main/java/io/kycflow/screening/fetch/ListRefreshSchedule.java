package io.kycflow.screening.fetch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs {@link ListDownloader#refreshAll()} at start and then every period on one daemon thread. A list that
 * cannot be fetched (no network, publisher down) is logged once when it starts failing and once when it
 * recovers, not every period; the copy on disk keeps serving meanwhile.
 */
public final class ListRefreshSchedule implements AutoCloseable {
    public static final String ENV_PERIOD = "KYCFLOW_LISTS_REFRESH_PERIOD";
    public static final Duration DEFAULT_PERIOD = Duration.ofHours(6);
    private static final Logger LOG = LoggerFactory.getLogger(ListRefreshSchedule.class);

    private final ListDownloader downloader;
    private final Duration period;
    private final Consumer<List<RefreshOutcome>> afterRun;
    private final ScheduledExecutorService executor;
    /** Lists whose last refresh failed, with the reason logged, so a repeat is not logged again. */
    private final Map<String, String> failing = new HashMap<>();

    public ListRefreshSchedule(ListDownloader downloader, Duration period) {
        this(downloader, period, outcomes -> { });
    }

    /**
     * @param afterRun called on the schedule's thread after each run, e.g. to re-read the lists directory
     *                 when an outcome is {@link RefreshOutcome.Status#NEW_SNAPSHOT}
     */
    public ListRefreshSchedule(ListDownloader downloader, Duration period, Consumer<List<RefreshOutcome>> afterRun) {
        if (!period.isPositive()) {
            throw new IllegalArgumentException("refresh period must be positive: " + period);
        }
        this.downloader = Objects.requireNonNull(downloader, "downloader");
        this.period = period;
        this.afterRun = Objects.requireNonNull(afterRun, "afterRun");
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sanctions-lists-download");
            t.setDaemon(true);
            return t;
        });
    }

    /** {@value #ENV_PERIOD} as an ISO-8601 duration (e.g. {@code PT6H}), else {@link #DEFAULT_PERIOD}. */
    public static Duration periodFromEnvironment(Map<String, String> env) {
        String value = env.get(ENV_PERIOD);
        if (value == null || value.isBlank()) {
            return DEFAULT_PERIOD;
        }
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(ENV_PERIOD + " is not an ISO-8601 duration such as PT6H: " + value, e);
        }
    }

    /** Schedules a run now and then every period; returns at once. */
    public ListRefreshSchedule start() {
        executor.scheduleWithFixedDelay(this::runOnce, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One run; any exception is contained, since one escaping would cancel every later run. */
    void runOnce() {
        List<RefreshOutcome> outcomes = List.of();
        try {
            outcomes = downloader.refreshAll();
            outcomes.forEach(this::logTransition);
        } catch (RuntimeException e) {
            LOG.error("sanctions list download run failed; the lists on disk stay in service", e);
        } finally {
            // Always told, so a listener waiting for the first run is never left waiting.
            try {
                afterRun.accept(outcomes);
            } catch (RuntimeException e) {
                LOG.error("after a list download run", e);
            }
        }
    }

    private void logTransition(RefreshOutcome o) {
        if (o.status() == RefreshOutcome.Status.FAILED) {
            if (failing.putIfAbsent(o.listId(), o.detail()) == null) {
                LOG.warn("list {} not downloaded: {}; the copy on disk stays in service, retrying every {}",
                        o.listId(), o.detail(), period);
            } else {
                LOG.debug("list {} still not downloaded: {}", o.listId(), o.detail());
            }
        } else if (failing.remove(o.listId()) != null) {
            LOG.info("list {} downloads again: {}", o.listId(), o.status());
        }
    }

    /** Stops the schedule, interrupting a run in progress (its staging folder is removed, nothing published). */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("list download thread did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
