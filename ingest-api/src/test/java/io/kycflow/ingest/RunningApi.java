package io.kycflow.ingest;

import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.topic.TopicProvisioner;
import io.kycflow.common.topic.Topics;
import io.kycflow.ingest.auth.ApiKey;
import io.kycflow.ingest.auth.ApiKeyRegistry;
import io.kycflow.ingest.auth.Principal;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.screening.load.ListPurpose;
import io.kycflow.screening.load.ListRegistry;
import org.apache.kafka.clients.admin.Admin;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An ingest-api instance on the tests' embedded broker, with two tenants' keys ("acme" and "globex").
 * Instances started with the same data directory share the JWT key, as production instances share its file.
 */
public final class RunningApi implements AutoCloseable {

    public static final ApiKey ACME_KEY = new ApiKey("acme0001", "acmesecret0123456789");
    public static final ApiKey GLOBEX_KEY = new ApiKey("globex01", "globexsecret01234567");
    /** Tenant {@code default}: the one whose webhook secret a single-service process takes from KYCFLOW_WEBHOOK_SECRET. */
    public static final ApiKey DEFAULT_TENANT_KEY = new ApiKey("default1", "defaultsecret0123456");
    public static final ApiKey READ_ONLY_KEY = new ApiKey("acmeread", "acmereadsecret012345");
    public static final int PARTITIONS = 3;
    /**
     * The master key of every test service ({@code KYCFLOW_MASTER_KEY}): a JVM has one key ring, and
     * processes a test starts beside it must unwrap the same data keys. Not a secret: tests only.
     */
    public static final String TEST_MASTER_KEY = "test:" + java.util.Base64.getEncoder().encodeToString(
            "kycflow-tests-master-key-32bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private final IngestApiService service;

    private RunningApi(IngestApiService service) {
        this.service = service;
    }

    public static RunningApi start(EmbeddedKafkaBroker broker, Path dataDir, String instance, Map<String, String> env) {
        return start(broker.bootstrapServers(), dataDir, instance, env);
    }

    /** On any broker: the embedded one, or a container's. */
    public static RunningApi start(String bootstrapServers, Path dataDir, String instance, Map<String, String> env) {
        return start(bootstrapServers, dataDir, instance, env, Map.of());
    }

    /** With lists for {@code POST /api/v1/screen}. */
    public static RunningApi start(String bootstrapServers, Path dataDir, String instance, Map<String, String> env,
                                   Map<ListPurpose, ListRegistry> screeningLists) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "KYCFLOW_HTTP_PORT", "0",
                "KYCFLOW_DATA_DIR", dataDir.toString(),
                "KYCFLOW_PARTITIONS", Integer.toString(PARTITIONS),
                "KYCFLOW_REPLICATION_FACTOR", "1",
                "KYCFLOW_MASTER_KEY", TEST_MASTER_KEY));
        settings.putAll(env);
        KycflowConfig config = KycflowConfig.from(settings);
        KafkaClientSettings kafka = new KafkaClientSettings(bootstrapServers);
        AgentCatalog agents = AgentCatalog.load(config.agentsFile());
        try (Admin admin = Admin.create(kafka.admin("test-provisioner"))) {
            new TopicProvisioner(admin, PARTITIONS, Optional.of((short) 1)).ensure(Topics.all(agents.checkIds()));
        }
        ApiKeyRegistry keys = new ApiKeyRegistry();
        keys.register("acme", ACME_KEY, Set.of(Principal.JOBS_READ, Principal.JOBS_WRITE));
        keys.register("globex", GLOBEX_KEY, Set.of(Principal.JOBS_READ, Principal.JOBS_WRITE));
        keys.register("default", DEFAULT_TENANT_KEY, Set.of(Principal.JOBS_READ, Principal.JOBS_WRITE));
        keys.register("acme", READ_ONLY_KEY, Set.of(Principal.JOBS_READ));
        return new RunningApi(new IngestApiService(config, kafka, agents, keys, instance, screeningLists).start());
    }

    public String baseUrl() {
        return "http://localhost:" + service.port();
    }

    public IngestApiService service() {
        return service;
    }

    @Override
    public void close() {
        service.close();
    }
}
