package io.kycflow.notifier;

import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.crypto.MasterKeys;
import io.kycflow.common.crypto.PersonalDataProtection;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.json.Json;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.net.OutboundUrlGuard;
import io.kycflow.common.notification.DeliveryStatus;
import io.kycflow.common.notification.NotificationRequest;
import io.kycflow.common.notification.ParkedDelivery;
import io.kycflow.common.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The notifier: one consumer (group {@code kycflow-notifier}, {@code read_committed}) reads three kinds of
 * record and turns each into delivery attempts made by the {@link DeliveryDispatcher}:
 * <ul>
 *   <li>{@code kyc.job-events}: the first attempt of each delivery an event calls for (the terminal event to the
 *   webhook and Slack, other events to webhooks that subscribed to them: {@link EventSubscription});</li>
 *   <li>{@code kyc.notifications.requests}: re-sends and test events asked for through the API;</li>
 *   <li>{@code kyc.notifications.retry.<tier>}: the next attempt of a delivery, once due ({@link RetryGate}).</li>
 * </ul>
 * A record's offset is committed only when every attempt it started has been recorded, with its retry or
 * dead letter, in Kafka ({@link CommitTracker}), so a crash repeats an attempt (same {@code event_id})
 * rather than losing one. The consumer's thread never waits on a receiver; too many open records pause it.
 */
public final class NotifierService implements AutoCloseable {

    public static final String GROUP_ID = "kycflow-notifier";
    /** Records with attempts in flight at most; beyond it the consumer pauses until some are recorded. */
    static final int MAX_OPEN_EVENTS = 1000;

    private static final Logger log = LoggerFactory.getLogger(NotifierService.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DLQ_SIZE_EVERY = Duration.ofSeconds(15);
    private static final Pattern SOURCES = Pattern.compile(Pattern.quote(Topics.JOB_EVENTS.name()) + "|"
            + Pattern.quote(Topics.NOTIFICATION_REQUESTS.name()) + "|" + Topics.NOTIFICATION_RETRY_PATTERN.pattern());

    private final KafkaConsumer<String, byte[]> consumer;
    private final WebhookNotifier webhook;
    private final List<Notifier> notifiers;
    private final DeliveryJournal journal;
    private final DeliveryDispatcher dispatcher;
    private final NotifierMetrics metrics;
    private final CommitTracker tracker = new CommitTracker();
    private final RetryGate gate = new RetryGate();
    private final Clock clock;
    private final HttpClient ownedHttpClient;
    private final Thread thread;
    private volatile boolean running;
    private Instant dlqSizedAt = Instant.EPOCH;
    private final KafkaClientSettings kafka;
    private final MasterKeys masterKeys;

    /**
     * @param http must not follow redirects (a redirect could lead past the URL guard) and should have a
     *             connect timeout; {@link #create} makes one. The caller keeps ownership of it.
     */
    public NotifierService(KycflowConfig config, KafkaClientSettings kafka, WebhookSecrets secrets,
                           OutboundUrlGuard guard, HttpClient http, Clock clock, DeliveryPolicy policy,
                           MeterRegistry meters) {
        this(config, kafka, secrets, guard, http, clock, policy, meters, null);
    }

    private NotifierService(KycflowConfig config, KafkaClientSettings kafka, WebhookSecrets secrets,
                            OutboundUrlGuard guard, HttpClient http, Clock clock, DeliveryPolicy policy,
                            MeterRegistry meters, HttpClient owned) {
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the notifier's HTTP client must not follow redirects");
        }
        this.clock = clock;
        this.kafka = kafka;
        this.masterKeys = MasterKeys.of(config.masterKey(), config.dataDir());
        Notifiers built = Notifiers.create(config, secrets);
        this.webhook = built.webhook();
        this.notifiers = built.all();
        this.metrics = new NotifierMetrics(meters);
        this.journal = new DeliveryJournal(kafka, GROUP_ID);
        this.dispatcher = new DeliveryDispatcher(new HttpDelivery(http, guard, policy), policy, journal, metrics, clock);
        this.ownedHttpClient = owned;
        Properties props = kafka.readCommittedConsumer(GROUP_ID);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        // A new group starts at the beginning: a notification sent twice (same event_id) beats one never sent.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        // A notifier that died hands its partitions over in seconds, not the default 45.
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        // Retry tiers created after start are found within a minute.
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 60_000);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::pollLoop, "notifier-consumer");
        this.thread.setDaemon(true);
    }

    /**
     * The notifier as configured: the outbound allow-list from {@code KYCFLOW_OUTBOUND_ALLOWLIST}, the
     * link base from {@code KYCFLOW_PUBLIC_BASE_URL}, the retry schedule from
     * {@code KYCFLOW_WEBHOOK_RETRY_SCHEDULE} and the system clock.
     */
    public static NotifierService create(KycflowConfig config, KafkaClientSettings kafka, WebhookSecrets secrets,
                                         MeterRegistry meters) {
        HttpClient http = HttpDelivery.newClient();
        return new NotifierService(config, kafka, secrets, OutboundUrlGuard.withAllowlist(config.outboundAllowlist()),
                http, Clock.systemUTC(), DeliveryPolicy.from(config), meters, http);
    }

    /** The HTTP client {@link #create} uses: 5 s connect timeout, no redirects. */
    public static HttpClient defaultHttpClient() {
        return HttpDelivery.newClient();
    }

    /** Installs the process's key ring first: job events and parked bodies carry sealed personal data. */
    public NotifierService start() {
        PersonalDataProtection.installAndRead(kafka, masterKeys, PersonalDataProtection.STARTUP_READ_WAIT);
        running = true;
        consumer.subscribe(SOURCES, new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                commit(); // what has been recorded, before another instance takes over
                tracker.revoked(partitions);
                gate.revoked(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                tracker.revoked(partitions); // no commit: the partitions are someone else's already
                gate.revoked(partitions);
            }
        });
        thread.start();
        log.info("notifier started: consuming {} as group {}", SOURCES.pattern(), GROUP_ID);
        return this;
    }

    /** False once stopped, or when the consumer died (logged): a health check can use it. */
    public boolean isRunning() {
        return running && thread.isAlive();
    }

    /** Attempts started and not yet recorded. */
    public int pendingDeliveries() {
        return dispatcher.pending();
    }

    private void pollLoop() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (!gate.holds(partition)) {
                        handle(partition, record);
                    }
                }
                Instant now = clock.instant();
                gate.releaseDue(consumer, now);
                commit();
                applyBackpressure();
                observe(now);
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            log.error("notifier consumer stopped: no further notifications from this instance", e);
        } finally {
            try {
                commit();
            } catch (RuntimeException e) {
                log.warn("final commit failed; recorded attempts may be made again after a restart", e);
            }
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void handle(TopicPartition partition, ConsumerRecord<String, byte[]> record) {
        List<CompletableFuture<DeliveryStatus>> attempts;
        try {
            if (record.topic().equals(Topics.JOB_EVENTS.name())) {
                attempts = anyMayWant(EventHead.read(record.value()))
                        ? onEvent(Json.fromBytes(record.value(), JobEvent.class))
                        : List.of();
            } else if (record.topic().equals(Topics.NOTIFICATION_REQUESTS.name())) {
                attempts = onRequest(Json.fromBytes(record.value(), NotificationRequest.class));
            } else {
                ParkedDelivery parked = Json.fromBytes(record.value(), ParkedDelivery.class);
                if (parked.dueAt() != null && parked.dueAt().isAfter(clock.instant())) {
                    gate.hold(consumer, partition, record.offset(), parked.dueAt(), parked.firstAttemptAt());
                    return;
                }
                attempts = onRetry(parked);
            }
        } catch (RuntimeException | URISyntaxException e) {
            // Unreadable: it cannot be delivered; skip it rather than stop notifying everyone. The cause's
            // message may quote the record, which holds personal data: name its kind only.
            log.error("skipping unreadable record at {} offset {} ({})", partition, record.offset(),
                    e.getClass().getSimpleName());
            attempts = List.of();
        }
        if (attempts.isEmpty()) {
            tracker.skipped(partition, record.offset());
            return;
        }
        tracker.opened(partition, record.offset());
        CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new)).whenComplete((ignored, error) -> {
            if (error == null) {
                tracker.ended(partition, record.offset());
            } // else never committed here: the record is read and its attempts made again after a restart
        });
    }

    private boolean anyMayWant(EventHead head) {
        for (Notifier notifier : notifiers) {
            if (notifier.mayWant(head)) {
                return true;
            }
        }
        return false;
    }

    /** The first attempt of each delivery the event calls for: each notifier decides which events are its own. */
    private List<CompletableFuture<DeliveryStatus>> onEvent(JobEvent event) {
        if (event == null || event.job() == null) {
            return List.of();
        }
        List<CompletableFuture<DeliveryStatus>> attempts = new ArrayList<>();
        Instant now = clock.instant();
        for (Notifier notifier : notifiers) {
            try {
                notifier.prepare(event).ifPresent(d -> attempts.add(dispatcher.attempt(notifier, d, 1, now)));
            } catch (RuntimeException e) {
                log.error("{} for {} event {} not sent: it could not be prepared", notifier.target(),
                        event.job() == null ? "?" : event.job().key(), event.eventId(), e);
            }
        }
        return attempts;
    }

    private List<CompletableFuture<DeliveryStatus>> onRequest(NotificationRequest request) throws URISyntaxException {
        return RequestedDeliveries.of(request, webhook)
                .map(d -> List.of(dispatcher.attempt(webhook, d, 1, clock.instant())))
                .orElse(List.of());
    }

    private List<CompletableFuture<DeliveryStatus>> onRetry(ParkedDelivery parked) throws URISyntaxException {
        Optional<Notifier> notifier = notifiers.stream().filter(n -> n.target().equals(parked.target())).findFirst();
        if (notifier.isEmpty()) {
            log.error("skipping a parked delivery for unknown target {}", parked.target());
            return List.of();
        }
        if (parked.body() == null) {
            // Its data key was destroyed (the job was deleted): the body is erased and is not sent.
            log.info("dropping parked delivery {} of {}: the job's data was deleted", parked.deliveryId(), parked.jobKey());
            return List.of();
        }
        return List.of(dispatcher.attempt(notifier.get(), Delivery.unpark(parked), parked.nextAttempt(),
                parked.firstAttemptAt()));
    }

    private void commit() {
        Map<TopicPartition, OffsetAndMetadata> offsets = tracker.committable();
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets, COMMIT_TIMEOUT);
            tracker.committed(offsets);
        } catch (RetriableException e) {
            log.debug("commit will be retried: {}", e.toString());
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // e.g. a rebalance took the partitions: the next owner re-reads from the last commit.
            log.warn("commit failed: {}", e.toString());
        }
    }

    private void applyBackpressure() {
        if (tracker.openCount() >= MAX_OPEN_EVENTS) {
            if (consumer.paused().size() < consumer.assignment().size()) {
                log.warn("{} records have attempts in flight; pausing consumption until some are recorded",
                        MAX_OPEN_EVENTS);
            }
            consumer.pause(consumer.assignment());
        } else if (tracker.openCount() < MAX_OPEN_EVENTS / 2) {
            // resume what backpressure paused, never a retry tier the gate holds until its head is due
            List<TopicPartition> resumable = consumer.paused().stream().filter(p -> !gate.holds(p)).toList();
            if (!resumable.isEmpty()) {
                consumer.resume(resumable);
            }
        }
    }

    /** The gauges: the oldest waiting retry now, the DLQ's size every few seconds. */
    private void observe(Instant now) {
        metrics.oldestPending(gate.oldestFirstAttempt().map(first -> Duration.between(first, now)).orElse(Duration.ZERO));
        if (Duration.between(dlqSizedAt, now).compareTo(DLQ_SIZE_EVERY) < 0) {
            return;
        }
        dlqSizedAt = now;
        try {
            List<TopicPartition> dlq = consumer.partitionsFor(Topics.NOTIFICATION_DLQ.name(), Duration.ofSeconds(2))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(dlq, Duration.ofSeconds(2));
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(dlq, Duration.ofSeconds(2));
            metrics.dlqSize(end.entrySet().stream().mapToLong(e -> e.getValue() - begin.getOrDefault(e.getKey(), 0L)).sum());
        } catch (KafkaException e) {
            log.debug("DLQ size not measured: {}", e.toString());
        }
    }

    /** Stops reading, commits what has been recorded, and stops attempts (those unrecorded are made again on restart). */
    @Override
    public void close() {
        if (thread.getState() == Thread.State.NEW) {
            consumer.close(CloseOptions.timeout(Duration.ZERO)); // never started
        }
        if (running) {
            running = false;
            consumer.wakeup();
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dispatcher.close();
        journal.close();
        if (ownedHttpClient != null) {
            ownedHttpClient.shutdownNow();
        }
        log.info("notifier stopped");
    }

    @Override
    public String toString() {
        return "NotifierService[" + GROUP_ID + "]";
    }
}
