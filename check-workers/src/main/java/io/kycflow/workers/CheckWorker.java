package io.kycflow.workers;

import io.kycflow.common.command.CheckTask;
import io.kycflow.common.job.CheckResult;
import io.kycflow.common.json.Json;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.topic.Topics;
import io.kycflow.workers.check.Check;
import io.kycflow.workers.check.CheckUnavailableException;
import io.kycflow.workers.check.CheckVerdict;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one check's tasks from {@code kyc.check-tasks.<check>}: a consumer group per check, so workers of
 * a check scale by adding processes. Tasks run concurrently (bounded; partitions are paused rather than
 * the poll loop stalled); each reports one final result, and {@code running} first only when it is still
 * running after {@link #RUNNING_NOTICE_AFTER} (a notice for a check done in milliseconds would cost the
 * registry a job rewrite and tell nobody anything). Per partition only the
 * offset below which every task has produced its result is committed, so a worker killed mid-batch
 * loses nothing: its unfinished tasks run again elsewhere, and the registry ignores a second final result.
 */
public final class CheckWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CheckWorker.class);
    private static final Duration MAX_RUN_TIME = Duration.ofMinutes(10);
    private static final Duration COMMIT_EVERY = Duration.ofMillis(200);
    private static final Duration POLL = Duration.ofMillis(100);
    /** How long a check runs before the worker reports it {@code running}. */
    public static final Duration RUNNING_NOTICE_AFTER = Duration.ofSeconds(1);

    private record Done(TopicPartition partition, long offset) {
    }

    private final Check check;
    private final Producer<String, CheckResult> producer;
    private final int maxInFlight;
    private final Duration runningNoticeAfter;
    private final Clock clock;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread pollThread;
    private final ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
    private final BlockingQueue<Done> done = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** One poll may hand over up to max.poll.records tasks while some still run: this bounds the runs themselves. */
    private final Semaphore runSlots;
    private volatile boolean running = true;
    private long lastCommitNanos = System.nanoTime();

    /** {@code runningNoticeAfter}: zero reports {@code running} before every check, as a test may want. */
    public CheckWorker(Check check, KafkaClientSettings kafka, Producer<String, CheckResult> producer, int maxInFlight,
                       Duration runningNoticeAfter, Clock clock, String instanceName) {
        this.check = check;
        this.producer = producer;
        this.maxInFlight = maxInFlight;
        this.runningNoticeAfter = runningNoticeAfter;
        this.runSlots = new Semaphore(Math.max(1, maxInFlight));
        this.clock = clock;
        Properties props = kafka.readCommittedConsumer("worker-" + instanceName + "-" + check.id());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId(check.id()));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(1, maxInFlight));
        // Checks run off the poll thread, which keeps heartbeating: a dead worker's partitions can move soon.
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.pollThread = new Thread(this::pollLoop, "check-worker-" + check.id());
    }

    public static String groupId(String checkId) {
        return "kycflow-check-workers." + checkId;
    }

    public void start() {
        consumer.subscribe(List.of(Topics.checkTasks(check.id()).name()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                drainDone();
                commit(true);
                partitions.forEach(progress::remove);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                partitions.forEach(p -> progress.put(p, new PartitionProgress()));
            }
        });
        pollThread.start();
    }

    /** The check this worker runs. */
    public String checkId() {
        return check.id();
    }

    /** False before start, once closed, or when the poll loop died (logged): what health reports. */
    public boolean isRunning() {
        return running && pollThread.isAlive();
    }

    private void pollLoop() {
        try {
            while (running) {
                drainDone();
                boolean full = inFlight.get() >= maxInFlight;
                if (full || !check.ready()) {
                    consumer.pause(consumer.assignment());
                } else if (!consumer.paused().isEmpty()) {
                    consumer.resume(consumer.paused());
                }
                // At capacity, a poll of paused partitions sleeps its whole timeout while tasks finish in a few
                // ms, which capped a check at maxInFlight tasks per 100 ms (docs/performance.md, end to end):
                // keep the group alive with a poll that does not wait, and wait for a task to finish instead.
                for (ConsumerRecord<String, byte[]> record : consumer.poll(full ? Duration.ZERO : POLL)) {
                    accept(record);
                }
                if (full) {
                    awaitFinishedTask();
                }
                commit(false);
            }
            drainDone();
            commit(true);
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("worker of {} stopped", check.id(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void accept(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        PartitionProgress p = progress.computeIfAbsent(partition, tp -> new PartitionProgress());
        p.started(record.offset());
        inFlight.incrementAndGet();
        CheckTask task;
        try {
            task = Json.fromBytes(record.value(), CheckTask.class);
        } catch (RuntimeException e) {
            log.warn("unreadable task at {}@{}: skipped", partition, record.offset());
            finished(partition, record.offset());
            return;
        }
        Instant now = clock.instant();
        if (task.deadline() != null && !now.isBefore(task.deadline())) {
            // The registry times it out; running it now would only race that.
            log.info("task of job {} for {} is past its deadline: skipped", task.jobId(), check.id());
            finished(partition, record.offset());
            return;
        }
        if (task.subject() == null) {
            // The job was deleted: its data key is destroyed and the subject erased. Nothing to check.
            log.info("task of job {} for {} has no subject (the job was deleted): skipped", task.jobId(), check.id());
            finished(partition, record.offset());
            return;
        }
        tasks.submit(() -> run(task, partition, record.offset()));
    }

    private void run(CheckTask task, TopicPartition partition, long offset) {
        Instant started = clock.instant();
        String key = task.tenantId() + "/" + task.jobId();
        try {
            CheckResult result = verdict(task, started, key);
            producer.send(new ProducerRecord<>(Topics.CHECK_RESULTS.name(), key, result), (metadata, error) -> {
                if (error != null) {
                    // Not re-run: the registry will time the check out and the job is reviewed.
                    log.error("could not report the result of {} for job {}", check.id(), task.jobId(), error);
                }
                finished(partition, offset);
            });
        } catch (RuntimeException e) {
            // A result that cannot be written (e.g. its data key is missing) must not stall the partition.
            log.error("could not report the result of {} for job {} ({})", check.id(), task.jobId(),
                    e.getClass().getSimpleName());
            finished(partition, offset);
        }
    }

    private CheckResult verdict(CheckTask task, Instant started, String key) {
        Duration allowed = task.deadline() == null ? MAX_RUN_TIME : Duration.between(started, task.deadline());
        Future<CheckVerdict> running = tasks.submit(() -> {
            runSlots.acquire();
            try {
                return check.run(task);
            } finally {
                runSlots.release();
            }
        });
        try {
            CheckVerdict verdict = awaitNoticingRunning(running, task, started, key, Math.max(1, allowed.toMillis()));
            return CheckResults.complete(task, verdict, started, clock.instant());
        } catch (TimeoutException e) {
            running.cancel(true);
            return CheckResults.error(task, "timed_out", "The check did not finish before its deadline.", started,
                    clock.instant());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CheckUnavailableException unavailable) {
                return CheckResults.error(task, unavailable.code(), unavailable.getMessage(), started, clock.instant());
            }
            // The exception's message may quote the subject's data: log and report only its kind and where.
            StackTraceElement[] trace = cause.getStackTrace();
            log.warn("check {} failed on a task of job {}: {} at {}", check.id(), task.jobId(),
                    cause.getClass().getName(), trace.length == 0 ? "?" : trace[0]);
            return CheckResults.error(task, "exception", "The check failed (" + cause.getClass().getSimpleName()
                    + "); see the worker's log.", started, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            return CheckResults.error(task, "interrupted", "The worker stopped while the check ran.", started,
                    clock.instant());
        }
    }

    /** Waits for the check, reporting it {@code running} when it is not done within the notice period. */
    private CheckVerdict awaitNoticingRunning(Future<CheckVerdict> running, CheckTask task, Instant started, String key,
                                              long allowedMillis)
            throws InterruptedException, ExecutionException, TimeoutException {
        long noticeMillis = runningNoticeAfter.toMillis();
        if (noticeMillis >= allowedMillis) {
            return running.get(allowedMillis, TimeUnit.MILLISECONDS);
        }
        if (noticeMillis > 0) {
            try {
                return running.get(noticeMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // reported below
            }
        }
        producer.send(new ProducerRecord<>(Topics.CHECK_RESULTS.name(), key, CheckResults.running(task, started)));
        return running.get(allowedMillis - noticeMillis, TimeUnit.MILLISECONDS);
    }

    private void finished(TopicPartition partition, long offset) {
        done.add(new Done(partition, offset));
        inFlight.decrementAndGet();
    }

    private void drainDone() {
        Done d;
        while ((d = done.poll()) != null) {
            recordFinished(d);
        }
    }

    /** Waits up to one poll timeout for a running task to finish, and records it. */
    private void awaitFinishedTask() {
        try {
            Done d = done.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            if (d != null) {
                recordFinished(d);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void recordFinished(Done d) {
        PartitionProgress p = progress.get(d.partition());
        if (p != null) {
            p.finished(d.offset());
        }
    }

    private void commit(boolean now) {
        if (!now && System.nanoTime() - lastCommitNanos < COMMIT_EVERY.toNanos()) {
            return;
        }
        lastCommitNanos = System.nanoTime();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        progress.forEach((partition, p) -> p.committable().ifPresent(o -> offsets.put(partition, new OffsetAndMetadata(o))));
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
            offsets.forEach((partition, o) -> progress.get(partition).committed(o.offset()));
        } catch (RuntimeException e) {
            log.warn("offset commit for {} failed; retried on the next round", check.id(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            pollThread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pollThread.isAlive()) {
            consumer.wakeup();
        }
        tasks.shutdownNow();
    }
}
