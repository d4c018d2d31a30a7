package io.kycflow.e2e;

import io.kycflow.common.agent.CheckCatalog;
import io.kycflow.common.command.CheckTask;
import io.kycflow.common.json.Json;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.workers.CheckWorkersService;
import io.kycflow.workers.check.Check;
import io.kycflow.workers.check.CheckVerdict;

import java.util.List;

/**
 * A worker process for {@link WorkerKillTest}: the identity check's tasks, each taking a while, so that
 * killing the process lands in the middle of a batch. A test check (allowed: it only sleeps, then passes).
 */
public final class SlowWorkerMain {

    private SlowWorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        long delayMs = Long.parseLong(args[0]);
        Check slow = new Check() {
            @Override
            public String id() {
                return CheckCatalog.IDENTITY_DATA_VALIDATION;
            }

            @Override
            public CheckVerdict run(CheckTask task) throws InterruptedException {
                Thread.sleep(delayMs);
                return new CheckVerdict(true, "ok", "slow test check", Json.mapper().createObjectNode()
                        .put("type", "SlowTestResult"), List.of());
            }
        };
        KafkaClientSettings kafka = new KafkaClientSettings(System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
        CheckWorkersService workers = new CheckWorkersService(kafka,
                io.kycflow.common.crypto.MasterKeys.parse(System.getenv("KYCFLOW_MASTER_KEY")), List.of(slow), 4, args[1]).start();
        Runtime.getRuntime().addShutdownHook(new Thread(workers::close));
        Thread.currentThread().join();
    }
}
