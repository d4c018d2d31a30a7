package io.kycflow.app;

import io.kycflow.common.config.KycflowConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Flags that mean the same as their environment variables (DESIGN.md §6); a flag wins over the variable. */
final class ServiceOptions {

    @Option(names = "--http-port", description = "the API's port (KYCFLOW_HTTP_PORT, default 8080)")
    Integer httpPort;

    @Option(names = "--kafka-port", description = "the embedded broker's port (KYCFLOW_KAFKA_PORT, default 9092)")
    Integer kafkaPort;

    @Option(names = "--data-dir", description = "broker data, state stores, generated keys (KYCFLOW_DATA_DIR, default ./data)")
    Path dataDir;

    @Option(names = "--bootstrap-servers", description = "the Kafka cluster to use (KAFKA_BOOTSTRAP_SERVERS)")
    String bootstrapServers;

    KycflowConfig config() {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (httpPort != null) {
            env.put("KYCFLOW_HTTP_PORT", httpPort.toString());
        }
        if (kafkaPort != null) {
            env.put("KYCFLOW_KAFKA_PORT", kafkaPort.toString());
        }
        if (dataDir != null) {
            env.put("KYCFLOW_DATA_DIR", dataDir.toString());
        }
        if (bootstrapServers != null) {
            env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        }
        return KycflowConfig.from(env);
    }
}
