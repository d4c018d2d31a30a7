package io.kycflow.app;

import io.kycflow.common.config.KycflowConfig;
import io.kycflow.common.json.Json;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.topic.TopicProvisioner;
import io.kycflow.common.topic.Topics;
import io.kycflow.ingest.auth.ApiKey;
import io.kycflow.ingest.auth.ApiKeyPublisher;
import io.kycflow.ingest.auth.ApiKeySeeds;
import io.kycflow.ingest.auth.Principal;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * {@code kycflow apikey create|revoke}: manages API keys on the shared {@code kyc.api-keys} topic of a
 * running system ({@code KAFKA_BOOTSTRAP_SERVERS}, else the all-in-one's embedded broker on
 * {@code 127.0.0.1:KYCFLOW_KAFKA_PORT}). Every API instance follows the topic, so a key works everywhere
 * moments later, and a revoked key, with every token issued for it, stops working everywhere.
 */
@Command(name = "apikey", mixinStandardHelpOptions = true, description = "Create or revoke API keys.",
        subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.Revoke.class})
final class ApiKeyCommand implements Runnable {

    private static final Pattern TENANT = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Set<String> SCOPES = Set.of(Principal.JOBS_READ, Principal.JOBS_WRITE, Principal.ADMIN);

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** A running system has the topic already (with its own partition count); a new one gets it as start-up would. */
    static void createTopicIfMissing(KycflowConfig config, KafkaClientSettings kafka) {
        try (Admin admin = Admin.create(kafka.admin("kycflow-apikey"))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(Topics.API_KEYS.name())) {
                TopicProvisioner.of(admin, config, ServiceRuntime.newTopicPartitions(config.bootstrapServers().isEmpty()))
                        .ensure(List.of(Topics.API_KEYS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for " + Topics.API_KEYS.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + kafka.bootstrapServers() + " did not answer: is kycflow running? ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    static KafkaClientSettings kafka(KycflowConfig config) {
        return new KafkaClientSettings(config.bootstrapServers().orElse("127.0.0.1:" + config.kafkaPort()));
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a key for a tenant and print it once (only its hash is stored).")
    static final class Create implements Runnable {

        @Mixin
        ServiceOptions options;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--tenant", required = true, description = "the tenant the key acts for ([a-z0-9-], 1-64)")
        String tenant;

        @Option(names = "--scopes", split = ",", description = "jobs:read, jobs:write, admin (default: jobs:read,jobs:write)")
        List<String> scopes;

        @Option(names = "--json", description = "print one JSON line {tenant, key_id, api_key, scopes} on stdout")
        boolean json;

        @Override
        public void run() {
            if (!TENANT.matcher(tenant).matches()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--tenant must be 1-64 characters of a-z 0-9 - (got '" + tenant + "')");
            }
            Set<String> granted = new TreeSet<>(scopes == null ? ApiKeySeeds.DEFAULT_SCOPES : scopes);
            if (!SCOPES.containsAll(granted) || granted.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--scopes must be some of " + new TreeSet<>(SCOPES) + " (got " + granted + ")");
            }
            KycflowConfig config = options.config();
            KafkaClientSettings kafka = kafka(config);
            createTopicIfMissing(config, kafka);
            ApiKey key;
            try (ApiKeyPublisher publisher = new ApiKeyPublisher(kafka, Clock.systemUTC())) {
                key = publisher.create(tenant, granted);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("tenant", tenant);
                line.put("key_id", key.keyId());
                line.put("api_key", key.token());
                line.put("scopes", List.copyOf(granted));
                out.println(Json.toString(line));
            } else {
                out.println("API key for tenant '" + tenant + "' (scopes " + String.join(",", granted)
                        + "); shown once, only its hash is stored:");
                out.println("  " + key.token());
                out.println("key id: " + key.keyId() + " (to revoke: kycflow apikey revoke --key-id " + key.keyId() + ")");
            }
            out.flush();
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a key everywhere; the tokens issued for it stop working too.")
    static final class Revoke implements Runnable {

        @Mixin
        ServiceOptions options;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--key-id", required = true, description = "the key id (the part after kf_)")
        String keyId;

        @Override
        public void run() {
            KycflowConfig config = options.config();
            try (ApiKeyPublisher publisher = new ApiKeyPublisher(kafka(config), Clock.systemUTC())) {
                var revoked = publisher.revoke(keyId);
                if (revoked.isEmpty()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "no API key with id " + keyId
                            + " was ever created on " + Topics.API_KEYS.name());
                }
                spec.commandLine().getOut().println("revoked API key " + keyId + " of tenant " + revoked.get().tenantId());
                spec.commandLine().getOut().flush();
            }
        }
    }
}
