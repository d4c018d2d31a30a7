package io.kycflow.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import java.nio.file.Path;

/**
 * The in-process pipeline against a containerised {@code apache/kafka} broker instead of the embedded
 * one. Runs where a Docker engine is available; elsewhere JUnit reports it skipped because Docker is not
 * available (the embedded-broker variants cover the same ground).
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersPipelineTest {

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Test
    void aJobRunsEndToEndOnAContainerisedBroker(@TempDir Path data) throws Exception {
        InProcessPipelineTest.runEveryServiceInThisJvm(KAFKA.getBootstrapServers(), data);
    }
}
