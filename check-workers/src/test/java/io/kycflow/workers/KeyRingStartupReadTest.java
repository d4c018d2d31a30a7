package io.kycflow.workers;

import io.kycflow.common.crypto.AesGcm;
import io.kycflow.common.crypto.DataKeyIssuer;
import io.kycflow.common.crypto.DataKeyRef;
import io.kycflow.common.crypto.IssuedDataKey;
import io.kycflow.common.crypto.JobKeyRing;
import io.kycflow.common.crypto.MasterKeys;
import io.kycflow.common.crypto.PersonalDataProtection;
import io.kycflow.common.kafka.KafkaClientSettings;
import io.kycflow.common.topic.TopicProvisioner;
import io.kycflow.common.topic.Topics;
import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service restarting on a cluster that already holds data keys: its ring reads them all before the service
 * consumes anything, so no record of an older job stalls its thread waiting for a key (the rolling-restart
 * case, where the other instance wrote the keys).
 */
@ExtendWith(SharedKafka.class)
class KeyRingStartupReadTest {

    private static final MasterKeys MASTER_KEYS =
            MasterKeys.parse(java.util.Base64.getEncoder().encodeToString(new byte[32]));

    @Test
    void aNewRingHoldsEveryExistingKeyOnceItHasReadTheStartup(EmbeddedKafkaBroker broker) throws Exception {
        KafkaClientSettings kafka = new KafkaClientSettings(broker.bootstrapServers());
        try (Admin admin = Admin.create(kafka.admin("test"))) {
            new TopicProvisioner(admin, 3, Optional.of((short) 1)).ensure(Topics.all(List.of()));
        }
        PersonalDataProtection.install(kafka, MASTER_KEYS);
        List<String> refs = new ArrayList<>();
        try (var producer = new KafkaProducer<>(kafka.producer("test-keys"), Topics.JOB_KEYS.keySerde().serializer(),
                Topics.JOB_KEYS.valueSerde().serializer())) {
            List<Future<RecordMetadata>> stored = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                String ref = DataKeyRef.of("acme", UUID.randomUUID().toString(), "sub-1");
                refs.add(ref);
                IssuedDataKey issued = DataKeyIssuer.issue(ref); // as the API does; the registry stores it
                stored.add(producer.send(new ProducerRecord<>(Topics.JOB_KEYS.name(), ref, issued.wrapped())));
            }
            for (Future<RecordMetadata> write : stored) {
                write.get(30, TimeUnit.SECONDS);
            }
        }

        // Another process's ring, started after the keys were written.
        try (JobKeyRing restarted = new JobKeyRing(kafka, MASTER_KEYS, Duration.ofSeconds(5)).start()) {
            assertTrue(restarted.awaitStartupRead(Duration.ofSeconds(30)), "the existing keys are read at start");
            assertTrue(restarted.hasReadStartup());
            long missing = refs.stream().filter(r -> !restarted.holds(r)).count();
            assertTrue(missing == 0, missing + " keys written before the start are not held without waiting");
        }
    }

    /**
     * A registry transaction holding a tombstone on a partition of kyc.job-keys hides, from read_committed
     * readers, a key written after it. The ring must wait for that key, not report it absent because it has
     * read as far as it can see.
     */
    @Test
    void aKeyBehindAnOpenTransactionIsWaitedForNotReportedAbsent(EmbeddedKafkaBroker broker) throws Exception {
        KafkaClientSettings kafka = new KafkaClientSettings(broker.bootstrapServers());
        try (Admin admin = Admin.create(kafka.admin("test"))) {
            new TopicProvisioner(admin, 3, Optional.of((short) 1)).ensure(Topics.all(List.of()));
        }
        String hidden = DataKeyRef.of("acme", UUID.randomUUID().toString(), "sub-1");
        Properties txn = kafka.producer("test-registry-txn");
        txn.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-registry-" + UUID.randomUUID());
        try (JobKeyRing ring = new JobKeyRing(kafka, MASTER_KEYS, Duration.ofSeconds(20)).start();
             var registry = new KafkaProducer<>(txn, Topics.JOB_KEYS.keySerde().serializer(), Topics.JOB_KEYS.valueSerde().serializer());
             var api = new KafkaProducer<>(kafka.producer("test-api-keys"), Topics.JOB_KEYS.keySerde().serializer(),
                     Topics.JOB_KEYS.valueSerde().serializer())) {
            assertTrue(ring.awaitStartupRead(Duration.ofSeconds(30)));
            registry.initTransactions();
            registry.beginTransaction();
            String loser = DataKeyRef.of("acme", UUID.randomUUID().toString(), "sub-2");
            registry.send(new ProducerRecord<>(Topics.JOB_KEYS.name(), 0, loser, null)).get();
            api.send(new ProducerRecord<>(Topics.JOB_KEYS.name(), 0, hidden,
                    MASTER_KEYS.wrap(hidden, AesGcm.newKey()))).get();

            CompletableFuture<Optional<SecretKey>> found = CompletableFuture.supplyAsync(() -> ring.find(hidden));
            Thread.sleep(2_000); // the ring polls every 200 ms: long enough to have "caught up" to the open transaction
            assertFalse(found.isDone(), "a key behind an open transaction was reported: " + (found.isDone() ? found.get() : ""));
            registry.commitTransaction();
            assertTrue(found.get(15, TimeUnit.SECONDS).isPresent(), "the key, once the transaction committed");
        }
    }
}
