package io.kycflow.common.crypto;

import io.kycflow.common.topic.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import javax.crypto.SecretKey;
import java.util.concurrent.CompletableFuture;

/**
 * Makes the data key of one submission: a fresh AES-256 key, wrapped under the primary master key of the
 * installed {@link JobKeyRing} and written to {@code kyc.job-keys} under its ref ({@code acks=all}). The
 * caller writes nothing sealed with it before the returned future completes, so every reader's ring can
 * find the key.
 */
public final class DataKeyIssuer {

    private final Producer<String, WrappedDataKey> producer;

    public DataKeyIssuer(Producer<String, WrappedDataKey> producer) {
        this.producer = producer;
    }

    /**
     * Completes with the key, wrapped, when it is stored (and usable in this process); exceptionally if not.
     */
    public CompletableFuture<IssuedDataKey> issue(String ref) {
        JobKeyRing ring = PersonalDataProtection.ring();
        SecretKey key = AesGcm.newKey();
        WrappedDataKey wrapped = ring.masterKeys().wrap(ref, key);
        CompletableFuture<IssuedDataKey> stored = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(Topics.JOB_KEYS.name(), ref, wrapped), (metadata, error) -> {
                if (error != null) {
                    stored.completeExceptionally(error);
                } else {
                    ring.remember(ref, key);
                    stored.complete(new IssuedDataKey(ref, wrapped));
                }
            });
        } catch (RuntimeException e) {
            stored.completeExceptionally(e);
        }
        return stored;
    }
}
