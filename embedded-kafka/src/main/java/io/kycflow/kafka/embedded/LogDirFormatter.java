package io.kycflow.kafka.embedded;

import kafka.tools.StorageTool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** {@code kafka-storage format}: a KRaft log directory needs its meta.properties and bootstrap checkpoint first. */
final class LogDirFormatter {

    private LogDirFormatter() {
    }

    /** Formats the node's log directory once; a directory already formatted keeps every topic and record. */
    static void formatIfNew(Path dataDir, Path logDir, Properties props, String clusterId) throws IOException {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Files.createDirectories(dataDir);
        Path config = dataDir.resolve("server.properties");
        try (var writer = Files.newBufferedWriter(config)) {
            props.store(writer, "kycflow Kafka node (used to format the log directory)");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[]{"format", "-t", clusterId, "-c", config.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting the broker's log directory failed (" + rc + "): "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }
}
