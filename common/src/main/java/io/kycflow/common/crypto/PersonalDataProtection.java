package io.kycflow.common.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.kycflow.common.json.Json;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.topic.Topics;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The process-wide {@link JobKeyRing} that {@link Personal} fields are sealed and opened with. Topics' serdes
 * are static, so the ring is too: every service installs it in its start ({@link #install(KafkaClientSettings,
 * MasterKeys)}, which reuses the ring already running for the same cluster, so an all-in-one JVM has one),
 * before any record is written or read. (De)serializing a {@link Personal} field with none installed is an
 * {@link IllegalStateException} that says so.
 */
public final class PersonalDataProtection {

    /** The serialization attribute that writes {@link Personal} fields in plain text: public renderings only. */
    static final String REVEAL = "kycflow.personal-data.reveal";

    /** How long a starting service waits for the ring to read the existing keys before it starts anyway. */
    public static final Duration STARTUP_READ_WAIT = Duration.ofSeconds(60);

    private static JobKeyRing installed;

    private PersonalDataProtection() {
    }

    /** Starts the key ring for this cluster and installs it, or returns the one already installed for it. */
    public static synchronized JobKeyRing install(KafkaClientSettings kafka, MasterKeys masterKeys) {
        if (installed != null && installed.isRunning() && kafka.bootstrapServers().equals(installed.bootstrapServers())) {
            return installed;
        }
        return install(new JobKeyRing(kafka, masterKeys, JobKeyRing.DEFAULT_WAIT_FOR_UNKNOWN).start());
    }

    /**
     * Starts and installs the ring as {@link #install(KafkaClientSettings, MasterKeys)}, then waits (up to
     * {@code max}) until it has read the keys written before it started: what a service does before it
     * consumes sealed records, so that a restart does not stall on keys it has not read yet.
     */
    public static JobKeyRing installAndRead(KafkaClientSettings kafka, MasterKeys masterKeys, Duration max) {
        JobKeyRing ring = install(kafka, masterKeys);
        if (!ring.awaitStartupRead(max)) {
            LoggerFactory.getLogger(PersonalDataProtection.class).warn("the data key ring has not read {} within {};"
                    + " starting anyway (lookups of keys not read yet wait)", Topics.JOB_KEYS.name(), max);
        }
        return ring;
    }

    /** Installs {@code ring}, closing a previous one (one JVM serves one cluster). */
    public static synchronized JobKeyRing install(JobKeyRing ring) {
        if (installed != null && installed != ring) {
            installed.close();
        }
        installed = ring;
        return ring;
    }

    /** The installed ring; an {@link IllegalStateException} naming the fix when there is none. */
    public static synchronized JobKeyRing ring() {
        if (installed == null) {
            throw new IllegalStateException("personal data cannot be sealed or opened: no key ring installed "
                    + "(a service's start installs it with PersonalDataProtection.install)");
        }
        return installed;
    }

    public static synchronized boolean isInstalled() {
        return installed != null;
    }

    /**
     * {@code value} as a JSON tree with its {@link Personal} fields in plain text: for answers to the data's
     * owner (API responses, webhook bodies), never for anything stored.
     */
    /** True while {@link #revealToTree} writes: personal fields are to be written in plain text. */
    public static boolean isRevealing(SerializerProvider provider) {
        return Boolean.TRUE.equals(provider.getAttribute(REVEAL));
    }

    public static JsonNode revealToTree(Object value) {
        ObjectMapper mapper = Json.mapper();
        try (TokenBuffer buffer = new TokenBuffer(mapper, false)) {
            mapper.writer().withAttribute(REVEAL, Boolean.TRUE).writeValue(buffer, value);
            return mapper.readTree(buffer.asParser(mapper));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
