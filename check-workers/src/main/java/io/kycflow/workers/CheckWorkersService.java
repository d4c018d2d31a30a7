package io.kycflow.workers;

import io.kycflow.common.crypto.MasterKeys;
import io.kycflow.common.crypto.PersonalDataProtection;
import io.kycflow.common.job.CheckResult;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.topic.Topics;
import io.kycflow.workers.check.Check;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The check-workers service: one {@link CheckWorker} per check this process runs, sharing one result producer. */
public final class CheckWorkersService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CheckWorkersService.class);

    private final Producer<String, CheckResult> producer;
    private final List<CheckWorker> workers = new ArrayList<>();
    private final List<String> checkIds;
    private final KafkaClientSettings kafka;
    private final MasterKeys masterKeys;

    public CheckWorkersService(KafkaClientSettings kafka, MasterKeys masterKeys, List<Check> checks, int concurrencyPerCheck,
                               String instanceName) {
        this(kafka, masterKeys, checks, concurrencyPerCheck, CheckWorker.RUNNING_NOTICE_AFTER, instanceName);
    }

    /** {@code runningNoticeAfter}: how long a check runs before its worker reports it {@code running}. */
    public CheckWorkersService(KafkaClientSettings kafka, MasterKeys masterKeys, List<Check> checks, int concurrencyPerCheck,
                               Duration runningNoticeAfter, String instanceName) {
        this.kafka = kafka;
        this.masterKeys = masterKeys;
        this.producer = new KafkaProducer<>(kafka.producer("workers-" + instanceName),
                Topics.CHECK_RESULTS.keySerde().serializer(), Topics.CHECK_RESULTS.valueSerde().serializer());
        for (Check check : checks) {
            workers.add(new CheckWorker(check, kafka, producer, concurrencyPerCheck, runningNoticeAfter,
                    Clock.systemUTC(), instanceName));
        }
        this.checkIds = checks.stream().map(Check::id).toList();
    }

    /** Installs the process's key ring first: tasks carry the subject's data sealed. */
    public CheckWorkersService start() {
        PersonalDataProtection.installAndRead(kafka, masterKeys, PersonalDataProtection.STARTUP_READ_WAIT);
        workers.forEach(CheckWorker::start);
        log.info("check workers started for {}", checkIds);
        return this;
    }

    public List<String> checkIds() {
        return checkIds;
    }

    /** Whether every check's consumer is polling. */
    public boolean isRunning() {
        return stoppedChecks().isEmpty();
    }

    /** The checks whose worker is not polling (not started, closed, or its poll loop died): for health. */
    public List<String> stoppedChecks() {
        return workers.stream().filter(w -> !w.isRunning()).map(CheckWorker::checkId).toList();
    }

    @Override
    public void close() {
        workers.forEach(CheckWorker::close);
        producer.close();
    }
}
