package io.kycflow.ingest.registry;

import io.kycflow.common.command.CheckTask;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/** Sends each check task to its check's topic, {@code kyc.check-tasks.<check id>}, where that check's workers listen. */
final class CheckTaskTopicExtractor implements TopicNameExtractor<String, CheckTask> {

    @Override
    public String extract(String key, CheckTask task, RecordContext recordContext) {
        return Topics.checkTasks(task.checkId()).name();
    }

    /** Printed in the topology description, which a test pins: stable, unlike a lambda's name. */
    @Override
    public String toString() {
        return Topics.CHECK_TASKS_PREFIX + "<check id>";
    }
}
