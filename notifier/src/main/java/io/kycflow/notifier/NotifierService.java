package io.kycflow.notifier;

import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.net.OutboundUrlGuard;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * The notifier: reads {@code kyc.job-events} ({@code read_committed}, group {@code kycflow-notifier})
 * and, for each terminal event, hands the webhook and the Slack message to the {@link DeliveryDispatcher}.
 * The consumer's thread never waits on a receiver. An event's offset is committed once all its
 * deliveries have ended (delivered, stopped or given up), so a crash re-sends rather than loses
 * (at least once; receivers de-duplicate by {@code event_id}). Too many open deliveries pause the
 * consumer rather than grow memory.
 */
public final class NotifierService implements AutoCloseable {

    public static final String GROUP_ID = "kycflow-notifier";
    /** Events being delivered at most; beyond it the consumer pauses until deliveries end. */
    static final int MAX_OPEN_EVENTS = 1000;

    private static final Logger log = LoggerFactory.getLogger(NotifierService.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaConsumer<String, JobEvent> consumer;
    private final List<Notifier> notifiers;
    private final DeliveryDispatcher dispatcher;
    private final CommitTracker tracker = new CommitTracker();
    private final HttpClient ownedHttpClient;
    private final Thread thread;
    private volatile boolean running;

    /**
     * @param http must not follow redirects (a redirect could lead past the URL guard) and should have a
     *             connect timeout; {@link #create} makes one. The caller keeps ownership of it.
     */
    public NotifierService(KycflowConfig config, KafkaClientSettings kafka, WebhookSecrets secrets,
                           OutboundUrlGuard guard, HttpClient http, Clock clock, DeliveryPolicy policy) {
        this(config, kafka, secrets, guard, http, clock, policy, null);
    }

    private NotifierService(KycflowConfig config, KafkaClientSettings kafka, WebhookSecrets secrets,
                            OutboundUrlGuard guard, HttpClient http, Clock clock, DeliveryPolicy policy,
                            HttpClient owned) {
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the notifier's HTTP client must not follow redirects");
        }
        this.notifiers = List.of(new WebhookNotifier(secrets), new SlackNotifier(config.publicBaseUrl()));
        this.dispatcher = new DeliveryDispatcher(new HttpDelivery(http, guard, policy), policy, clock);
        this.ownedHttpClient = owned;
        Properties props = kafka.readCommittedConsumer(GROUP_ID);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        // A new group starts at the beginning: a notification sent twice (same event_id) beats one never sent.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        this.consumer = new KafkaConsumer<>(props, Topics.JOB_EVENTS.keySerde().deserializer(),
                Topics.JOB_EVENTS.valueSerde().deserializer());
        this.thread = new Thread(this::pollLoop, "notifier-consumer");
        this.thread.setDaemon(true);
    }

    /**
     * The notifier as configured: the outbound allow-list from {@code KYCFLOW_OUTBOUND_ALLOWLIST}, the
     * link base from {@code KYCFLOW_PUBLIC_BASE_URL}, the system clock and the default retry policy.
     */
    public static NotifierService create(KycflowConfig config, KafkaClientSettings kafka, WebhookSecrets secrets) {
        HttpClient http = HttpDelivery.newClient();
        return new NotifierService(config, kafka, secrets, OutboundUrlGuard.withAllowlist(config.outboundAllowlist()),
                http, Clock.systemUTC(), DeliveryPolicy.DEFAULT, http);
    }

    /** The HTTP client {@link #create} uses: 5 s connect timeout, no redirects. */
    public static HttpClient defaultHttpClient() {
        return HttpDelivery.newClient();
    }

    public NotifierService start() {
        running = true;
        consumer.subscribe(List.of(Topics.JOB_EVENTS.name()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                commit(); // what has ended, before another instance takes over
                tracker.revoked(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                tracker.revoked(partitions); // no commit: the partitions are someone else's already
            }
        });
        thread.start();
        log.info("notifier started: consuming {} as group {}", Topics.JOB_EVENTS.name(), GROUP_ID);
        return this;
    }

    /** False once stopped, or when the consumer died (logged): a health check can use it. */
    public boolean isRunning() {
        return running && thread.isAlive();
    }

    /** Deliveries started and not yet ended. */
    public int pendingDeliveries() {
        return dispatcher.pending();
    }

    private void pollLoop() {
        try {
            while (running) {
                try {
                    for (ConsumerRecord<String, JobEvent> record : consumer.poll(POLL)) {
                        handle(record);
                    }
                } catch (RecordDeserializationException e) {
                    // An unreadable event cannot be notified; skip it rather than stop notifying everyone.
                    // The cause's message may quote the record, which holds personal data: name its kind only.
                    log.error("skipping unreadable event at {} offset {} ({})", e.topicPartition(), e.offset(),
                            e.getCause() == null ? "unknown cause" : e.getCause().getClass().getSimpleName());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                    tracker.skipped(e.topicPartition(), e.offset());
                }
                commit();
                applyBackpressure();
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            log.error("notifier consumer stopped: no further notifications from this instance", e);
        } finally {
            try {
                commit();
            } catch (RuntimeException e) {
                log.warn("final commit failed; ended deliveries may be sent again after a restart", e);
            }
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void handle(ConsumerRecord<String, JobEvent> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        JobEvent event = record.value();
        if (event == null || !isTerminal(event)) {
            tracker.skipped(partition, record.offset());
            return;
        }
        List<CompletableFuture<DeliveryState>> deliveries = new ArrayList<>();
        for (Notifier notifier : notifiers) {
            try {
                notifier.prepare(event).ifPresent(d -> deliveries.add(dispatcher.dispatch(notifier, d)));
            } catch (RuntimeException e) {
                log.error("{} for {} event {} not sent: it could not be prepared", notifier.target(), record.key(),
                        event.eventId(), e);
            }
        }
        if (deliveries.isEmpty()) {
            tracker.skipped(partition, record.offset());
            return;
        }
        tracker.opened(partition, record.offset());
        CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new))
                .whenComplete((ignored, error) -> tracker.ended(partition, record.offset()));
    }

    /** The event that ends a job: its type names the job's terminal status (later events, if any, do not count). */
    static boolean isTerminal(JobEvent event) {
        return event.job() != null && event.job().status() != null && event.job().status().isTerminal()
                && JobEvent.terminalType(event.job().status()).equals(event.eventType());
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
                log.warn("{} events are being delivered; pausing consumption until some end", MAX_OPEN_EVENTS);
            }
            consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty() && tracker.openCount() < MAX_OPEN_EVENTS / 2) {
            consumer.resume(consumer.paused());
        }
    }

    /** Stops reading, commits what has ended, and drops waiting retries (their events are sent again on restart). */
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
