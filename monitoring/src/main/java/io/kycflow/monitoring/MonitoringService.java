package io.kycflow.monitoring;

import io.kycflow.common.command.JobCommand;
import io.kycflow.common.command.RaiseMonitoringAlert;
import io.kycflow.common.crypto.MasterKeys;
import io.kycflow.common.crypto.PersonalDataProtection;
import io.kycflow.common.json.Json;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.kafka.TopicPartitions;
import io.kycflow.common.monitoring.MonitoringSubscription;
import io.kycflow.common.topic.Topics;
import io.kycflow.screening.load.ListPurpose;
import io.kycflow.screening.load.ListRegistry;
import io.kycflow.screening.load.LoadedList;
import io.kycflow.screening.match.Screener;
import io.kycflow.screening.monitor.ChangeScreening;
import io.kycflow.screening.monitor.ListChange;
import io.kycflow.screening.monitor.MonitoringMatch;
import io.kycflow.workers.checks.sanctions.SanctionsListsRefresher;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ongoing monitoring: keeps the monitored population ({@code kyc.monitoring.subjects}, unsealed with the job keys),
 * re-reads the lists directory like the check workers do, and whenever a list's snapshot changes screens the
 * population against <em>what changed only</em> ({@link ChangeScreening}), proposing an alert per match to the job
 * registry (a {@link RaiseMonitoringAlert} command on {@code kyc.job-commands}). The registry, the single writer of
 * jobs, decides each alert (once per entry state, not a dismissed hit, new or stronger) and emits the
 * {@code monitoring.alert} event the notifier delivers.
 * <p>
 * One thread does everything (read subjects, refresh lists, screen), so the population a pass screens is the one
 * read up to the topic's end when the pass began. After a pass the list's snapshot (provenance and entry digests)
 * is kept on disk ({@link ScreenedListStore}), written only once the pass's proposals are acknowledged: a restart
 * diffs against it and raises nothing for a snapshot already screened. Without one (first start, lost disk) the
 * whole list counts as added: a full re-screen, whose alerts the registry still raises at most once.
 * <p>
 * Run one instance per cluster: two would screen twice (harmless, the registry deduplicates, but wasted work).
 */
public final class MonitoringService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MonitoringService.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaClientSettings kafka;
    private final MasterKeys masterKeys;
    private final String listsSource;
    private final ScreenedListStore store;
    private final Duration interval;
    private final ChangeScreening screening;
    private final Clock clock;
    private final MonitoredPopulation population = new MonitoredPopulation();
    private final List<ListRegistry> registries;
    /** Empty when the registries are shared and fed by their owner (the check workers in the same process). */
    private final List<SanctionsListsRefresher> refreshers;
    private final ConcurrentLinkedQueue<CompletableFuture<PassReport>> asked = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean started;
    private volatile Instant lastPassAt;
    private KafkaConsumer<String, byte[]> consumer;
    private Producer<String, JobCommand> producer;

    /**
     * A service that reads the lists directory itself ({@code kycflow monitoring} on its own).
     *
     * @param listsDir  the lists directory the checks read ({@code KYCFLOW_LISTS_DIR})
     * @param stateDir  where the snapshots screened are kept ({@code $KYCFLOW_DATA_DIR/monitoring})
     * @param interval  time between passes; a pass re-reads the lists only when a file changed
     * @param screening how the population is screened against a change (the change-only index, or the full re-screen)
     */
    public MonitoringService(KafkaClientSettings kafka, MasterKeys masterKeys, Path listsDir, Path stateDir,
                             Duration interval, ChangeScreening screening, Clock clock) {
        this(kafka, masterKeys, listsDir.toString(), ownRegistries(), listsDir, stateDir, interval, screening, clock);
    }

    /**
     * A service that screens against registries another component keeps fed (the all-in-one shares the check
     * workers' lists, so one process parses the lists folder once, not once more for monitoring). A pass
     * screens whatever snapshot they hold then.
     */
    public MonitoringService(KafkaClientSettings kafka, MasterKeys masterKeys, Collection<ListRegistry> shared,
                             Path stateDir, Duration interval, ChangeScreening screening, Clock clock) {
        this(kafka, masterKeys, "the check workers' lists", List.copyOf(shared), null, stateDir, interval, screening,
                clock);
    }

    private MonitoringService(KafkaClientSettings kafka, MasterKeys masterKeys, String listsSource,
                              List<ListRegistry> registries, Path ownListsDir, Path stateDir, Duration interval,
                              ChangeScreening screening, Clock clock) {
        this.kafka = kafka;
        this.masterKeys = masterKeys;
        this.listsSource = listsSource;
        this.registries = registries;
        this.store = new ScreenedListStore(stateDir.resolve("lists"));
        this.interval = interval;
        this.screening = screening;
        this.clock = clock;
        // Read once here, then on each pass: the pass decides when, so a list change and its screening are one step.
        this.refreshers = ownListsDir == null ? List.of()
                : List.of(new SanctionsListsRefresher(registries, ownListsDir, Duration.ZERO));
        this.thread = new Thread(this::run, "kycflow-monitoring");
        this.thread.setDaemon(true);
    }

    private static List<ListRegistry> ownRegistries() {
        return List.of(new ListRegistry(ListPurpose.SANCTIONS), new ListRegistry(ListPurpose.PEP));
    }

    public synchronized MonitoringService start() {
        if (!started) {
            PersonalDataProtection.installAndRead(kafka, masterKeys, PersonalDataProtection.STARTUP_READ_WAIT);
            consumer = new KafkaConsumer<>(kafka.readCommittedConsumer("kycflow-monitoring-" + ProcessHandle.current().pid()),
                    new StringDeserializer(), new ByteArrayDeserializer());
            producer = new KafkaProducer<>(kafka.producer("kycflow-monitoring"),
                    Topics.JOB_COMMANDS.keySerde().serializer(), Topics.JOB_COMMANDS.valueSerde().serializer());
            started = true;
            thread.start();
        }
        return this;
    }

    /** Asks for a pass now (lists re-read if changed, then screened); completes when it is done. */
    public CompletableFuture<PassReport> refreshNow() {
        CompletableFuture<PassReport> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the monitoring service has stopped"));
            return done;
        }
        asked.add(done);
        return done;
    }

    public boolean isRunning() {
        return running && thread.isAlive();
    }

    /** Subjects currently monitored (as read so far). */
    public int monitoredSubjects() {
        return population.size();
    }

    public Optional<Instant> lastPassAt() {
        return Optional.ofNullable(lastPassAt);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant nextPass = clock.instant();
            while (running) {
                apply(consumer.poll(POLL).records(Topics.MONITORING_SUBJECTS.name()));
                if (!asked.isEmpty() || !clock.instant().isBefore(nextPass)) {
                    List<CompletableFuture<PassReport>> waiting = new ArrayList<>();
                    for (CompletableFuture<PassReport> f; (f = asked.poll()) != null; ) {
                        waiting.add(f);
                    }
                    try {
                        catchUp(partitions);
                        PassReport report = pass();
                        waiting.forEach(f -> f.complete(report));
                    } catch (RuntimeException e) {
                        // The lists or the broker failed this pass: nothing was saved, the next pass does it again.
                        log.error("monitoring pass failed: {}", e.toString());
                        waiting.forEach(f -> f.completeExceptionally(e));
                    }
                    nextPass = clock.instant().plus(interval);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            log.error("the monitoring service stopped", e);
        } finally {
            running = false;
            asked.forEach(f -> f.completeExceptionally(new IllegalStateException("the monitoring service stopped")));
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
    }

    private List<TopicPartition> awaitPartitions() {
        return TopicPartitions.await(consumer, Topics.MONITORING_SUBJECTS.name(), () -> running);
    }

    /** Reads the subjects up to the end offsets as of now, so a pass screens everyone subscribed before it began. */
    private void catchUp(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
        while (running && partitions.stream().anyMatch(p -> consumer.position(p) < end.getOrDefault(p, 0L))) {
            apply(consumer.poll(POLL).records(Topics.MONITORING_SUBJECTS.name()));
        }
    }

    private void apply(Iterable<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            MonitoringSubscription subscription = null;
            if (record.value() != null) {
                try {
                    subscription = Json.fromBytes(record.value(), MonitoringSubscription.class);
                } catch (RuntimeException e) {
                    // Never the value in the log: it is the subject's (sealed) data. The key names the job.
                    log.error("unreadable monitored subject {} on {}: not monitored ({})", record.key(),
                            Topics.MONITORING_SUBJECTS.name(), e.getClass().getSimpleName());
                }
            }
            population.accept(record.key(), subscription);
        }
    }

    /** One pass: re-read the lists if a file changed, then screen each list whose snapshot is not the one screened. */
    PassReport pass() {
        refreshers.forEach(SanctionsListsRefresher::refreshNow);
        List<PassReport.ListPass> lists = new ArrayList<>();
        for (ListRegistry registry : registries) {
            Optional<ListRegistry.Snapshot> snapshot = registry.current();
            if (snapshot.isEmpty()) {
                continue;
            }
            for (LoadedList list : snapshot.get().lists().values()) {
                screenList(list, snapshot.get().screener()).ifPresent(lists::add);
            }
        }
        lastPassAt = clock.instant();
        PassReport report = new PassReport(population.size(), lists);
        if (!lists.isEmpty()) {
            log.info("monitoring pass over {} subject(s): {}", report.subjects(), lists);
        }
        return report;
    }

    private Optional<PassReport.ListPass> screenList(LoadedList list, Screener screener) {
        Optional<ScreenedList> before = store.load(list.info().listId());
        if (before.isPresent() && before.get().isSameSnapshot(list)) {
            return Optional.empty();
        }
        ListChange change = before.map(b -> b.changeTo(list)).orElseGet(() -> ListChange.between(null, list));
        int proposed = 0;
        if (!change.isEmpty() && population.size() > 0) {
            List<MonitoringMatch> matches = screening.screen(population.forScreening(), change, screener);
            Instant now = clock.instant();
            List<Future<?>> sent = new ArrayList<>();
            for (MonitoringMatch match : matches) {
                Optional<MonitoredPopulation.Subject> subject = population.find(match.subjectKey());
                if (subject.isPresent()) {
                    sent.add(send(AlertProposal.of(subject.get(), match, change, now)));
                    proposed++;
                }
            }
            awaitAll(sent);
        }
        store.save(ScreenedList.of(list));
        return Optional.of(new PassReport.ListPass(list.info().listId(), list.info().version(), change.added().size(),
                change.modified().size(), change.removedIds().size(), before.isEmpty(), proposed));
    }

    private Future<?> send(RaiseMonitoringAlert command) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(JobCommand.SUBMISSION_ID_HEADER, command.submissionId().getBytes(StandardCharsets.UTF_8));
        return producer.send(new ProducerRecord<>(Topics.JOB_COMMANDS.name(), null, command.key().toString(), command, headers));
    }

    /** Every proposal acknowledged before the snapshot counts as screened; a failure leaves it unscreened. */
    private static void awaitAll(List<Future<?>> sent) {
        for (Future<?> f : sent) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending alerts", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("alerts not written: " + e.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (started) {
            consumer.wakeup();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producer.close(Duration.ofSeconds(5));
        }
        refreshers.forEach(SanctionsListsRefresher::close);
    }

    @Override
    public String toString() {
        return "MonitoringService[" + listsSource + ", " + population.size() + " subjects]";
    }
}
