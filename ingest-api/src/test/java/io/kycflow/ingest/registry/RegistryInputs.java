package io.kycflow.ingest.registry;

import io.kycflow.common.command.JobCommand;
import io.kycflow.common.job.CheckResult;
import io.kycflow.common.json.Json;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The registry's command and result inputs in a test driver, written as the API and the workers write them. */
final class RegistryInputs {

    private final TestInputTopic<String, byte[]> commands;
    private final TestInputTopic<String, byte[]> results;

    RegistryInputs(TopologyTestDriver driver) {
        this.commands = driver.createInputTopic(Topics.JOB_COMMANDS.name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        this.results = driver.createInputTopic(Topics.CHECK_RESULTS.name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
    }

    /** A command as the API writes it ({@link RegistryFixtures#commandRecord}). */
    void send(JobCommand command) {
        commands.pipeInput(RegistryFixtures.commandRecord(command));
    }

    /** A command record as given, for what the API would never write (malformed, foreign). */
    void sendRaw(TestRecord<String, byte[]> command) {
        commands.pipeInput(command);
    }

    /** A result as a worker writes it, keyed by its job. */
    void send(CheckResult result) {
        results.pipeInput(result.tenantId() + "/" + result.jobId(), Json.toBytes(result));
    }
}
