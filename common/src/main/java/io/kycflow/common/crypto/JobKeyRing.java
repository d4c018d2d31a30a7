package io.kycflow.common.crypto;

import io.kycflow.common.json.Json;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.kafka.TopicPartitions;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The data keys of one process, in memory: a background consumer reads {@code kyc.job-keys} from the
 * beginning (every partition assigned, no group, {@code read_committed} so an aborted delete does not
 * destroy a key), unwraps each key with the {@link MasterKeys}, and drops it on a tombstone. Destroyed refs
 * are remembered (the refs only), so a read of erased data answers at once instead of waiting.
 * <p>
 * A key is always written before the data sealed with it, so a lookup of a ref not yet seen waits for the
 * consumer to catch up: until its position has reached the end offsets taken after the lookup began
 * (everything written before has then been read), at most a few seconds. A key that cannot be unwrapped (another master key)
 * is remembered as unreadable and answered at once. Memory: one 32-byte key and its ref per live submission.
 */
public final class JobKeyRing implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobKeyRing.class);
    public static final Duration DEFAULT_WAIT_FOR_UNKNOWN = Duration.ofSeconds(5);

    private final KafkaClientSettings kafka;
    private final MasterKeys masterKeys;
    private final Duration waitForUnknown;
    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
    private final Set<String> destroyed = ConcurrentHashMap.newKeySet();
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();
    /** A time (nanoTime) up to which everything written has been read: end offsets taken then were reached. */
    private volatile long caughtUpAsOf;
    private volatile boolean caughtUpOnce;
    /** Everything written before the ring started has been read: a restarted service can open old data. */
    private volatile boolean startupRead;
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
    private final Object arrivals = new Object();
    private final Thread thread;
    private Consumer<String, byte[]> consumer;
    /**
     * Only asks for the log end offsets: {@link #consumer} reads committed records, so its end offsets stop at
     * the first open transaction, and a key written behind one (a registry transaction holding a tombstone)
     * would look absent although it is about to appear.
     */
    private Consumer<String, byte[]> logEnds;
    private volatile boolean running = true;

    /** A ring that reads {@code kyc.job-keys} on {@code kafka} once {@link #start()}ed. */
    public JobKeyRing(KafkaClientSettings kafka, MasterKeys masterKeys, Duration waitForUnknown) {
        this.kafka = kafka;
        this.masterKeys = masterKeys;
        this.waitForUnknown = waitForUnknown;
        this.thread = kafka == null ? null : new Thread(this::run, "kycflow-key-ring");
        if (thread != null) {
            thread.setDaemon(true);
        }
    }

    /**
     * A ring that reads no topic: it knows only the records given to {@link #accept}. For tests of one
     * component (a topology test driver, a serde) and for tools that hold a topic's records already.
     */
    public static JobKeyRing detached(MasterKeys masterKeys, Duration waitForUnknown) {
        return new JobKeyRing(null, masterKeys, waitForUnknown);
    }

    public synchronized JobKeyRing start() {
        if (thread != null && consumer == null) {
            consumer = new KafkaConsumer<>(kafka.readCommittedConsumer("kycflow-key-ring-" + ProcessHandle.current().pid()),
                    new StringDeserializer(), new ByteArrayDeserializer());
            Properties ends = kafka.readCommittedConsumer("kycflow-key-ring-ends-" + ProcessHandle.current().pid());
            ends.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
            logEnds = new KafkaConsumer<>(ends, new StringDeserializer(), new ByteArrayDeserializer());
            thread.start();
        }
        return this;
    }

    /** The cluster this ring reads; null for a {@link #detached} ring. */
    public String bootstrapServers() {
        return kafka == null ? null : kafka.bootstrapServers();
    }

    public MasterKeys masterKeys() {
        return masterKeys;
    }

    /**
     * The data key of {@code ref}; empty when it was destroyed (the data is erased) or has not appeared
     * within the wait.
     */
    public Optional<SecretKey> find(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        SecretKey held = keys.get(ref);
        if (held != null) {
            return Optional.of(held); // the usual case, without the lock every sealing thread would queue on
        }
        long asked = System.nanoTime();
        long deadline = asked + waitForUnknown.toNanos();
        synchronized (arrivals) {
            while (true) {
                SecretKey key = keys.get(ref);
                if (key != null) {
                    return Optional.of(key);
                }
                long left = deadline - System.nanoTime();
                if (destroyed.contains(ref) || unreadable.contains(ref) || (caughtUpOnce && caughtUpAsOf - asked > 0)
                        || left <= 0 || !running) {
                    return Optional.empty();
                }
                waiting.incrementAndGet();
                try {
                    arrivals.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                } finally {
                    waiting.decrementAndGet();
                }
            }
        }
    }

    /**
     * Waits until the keys written before this ring started have been read, up to {@code max}. A service
     * waits for this before it consumes sealed records: otherwise, after a restart, each record of a job it
     * has not read the key of yet would stall its thread for up to the lookup wait. True when read.
     */
    public boolean awaitStartupRead(Duration max) {
        if (thread == null) {
            return true; // a detached ring knows only what it is given
        }
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (arrivals) {
            while (!startupRead && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    arrivals.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return startupRead;
    }

    /** Whether the keys written before the ring started have all been read (always true when detached). */
    public boolean hasReadStartup() {
        return thread == null || startupRead;
    }

    /** Whether the ref's key was destroyed (a deleted job, or a submission that lost the race). */
    public boolean isDestroyed(String ref) {
        return destroyed.contains(ref);
    }

    /** Whether the ring holds the ref's key right now (no waiting). */
    public boolean holds(String ref) {
        return keys.containsKey(ref);
    }

    /** A key this process has just issued and written: usable at once, before the consumer reads it back. */
    void remember(String ref, SecretKey key) {
        if (!destroyed.contains(ref)) {
            keys.put(ref, key);
        }
        signal();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> startupEnd = startupEnd(partitions);
            while (running) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> record : records) {
                    apply(record.key(), record.value());
                }
                if (!startupRead && partitions.stream()
                        .allMatch(p -> consumer.position(p) >= startupEnd.getOrDefault(p, 0L))) {
                    startupRead = true;
                    log.info("data key ring has read {} ({} keys held)", Topics.JOB_KEYS.name(), keys.size());
                    signal();
                }
                if (records.isEmpty() && waiting.get() > 0) {
                    // Someone waits for a ref not seen: if we have read up to the log's end (not only up to an
                    // open transaction, behind which it may be), it does not exist.
                    long asOf = System.nanoTime();
                    try {
                        Map<TopicPartition, Long> end = logEnds.endOffsets(partitions, Duration.ofSeconds(2));
                        if (partitions.stream().allMatch(p -> consumer.position(p) >= end.getOrDefault(p, Long.MAX_VALUE))) {
                            caughtUpAsOf = asOf;
                            caughtUpOnce = true;
                            signal();
                        }
                    } catch (org.apache.kafka.common.errors.TimeoutException e) {
                        // not known now; the waiter's own deadline still holds
                    }
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            log.error("the data key ring stopped reading {}: personal data cannot be read until restart",
                    Topics.JOB_KEYS.name(), e);
        } finally {
            running = false;
            signal();
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
            logEnds.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
    }

    /** The end offsets as the ring starts; none known (a timeout) means nothing to wait for, as before. */
    private Map<TopicPartition, Long> startupEnd(List<TopicPartition> partitions) {
        try {
            return consumer.endOffsets(partitions, Duration.ofSeconds(30));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            log.warn("could not read the end offsets of {}; services start without waiting for the keys",
                    Topics.JOB_KEYS.name());
            return Map.of();
        }
    }

    private List<TopicPartition> awaitPartitions() {
        return TopicPartitions.await(consumer, Topics.JOB_KEYS.name(), () -> running);
    }

    private void apply(String ref, byte[] value) {
        WrappedDataKey wrapped = null;
        if (value != null) {
            try {
                wrapped = Json.fromBytes(value, WrappedDataKey.class);
            } catch (RuntimeException e) {
                log.error("unreadable record for data key {} on {}: skipped", ref, Topics.JOB_KEYS.name());
                return;
            }
        }
        accept(ref, wrapped);
    }

    /** One record of {@code kyc.job-keys}: a wrapped key to hold, or (null) the tombstone that destroys it. */
    public void accept(String ref, WrappedDataKey wrapped) {
        if (ref == null) {
            return;
        }
        if (wrapped == null) {
            keys.remove(ref);
            unreadable.remove(ref);
            destroyed.add(ref);
            log.debug("data key {} destroyed", ref);
        } else {
            try {
                SecretKey key = masterKeys.unwrap(ref, wrapped);
                unreadable.remove(ref);
                if (!destroyed.contains(ref)) {
                    keys.put(ref, key);
                }
            } catch (RuntimeException e) {
                unreadable.add(ref);
                // No key material or data in the message: only which ref, and why (e.g. a master key missing).
                log.error("cannot unwrap data key {} ({}): its data stays unreadable here", ref,
                        e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        signal();
    }

    private void signal() {
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
    }

    /** Whether it is reading its topic (a detached ring: until closed). */
    public boolean isRunning() {
        return running && (thread == null || thread.isAlive());
    }

    @Override
    public synchronized void close() {
        running = false;
        signal();
        if (consumer != null) {
            consumer.wakeup();
            logEnds.wakeup();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "JobKeyRing[" + (kafka == null ? "detached" : kafka.bootstrapServers()) + ", " + keys.size() + " keys]";
    }
}
