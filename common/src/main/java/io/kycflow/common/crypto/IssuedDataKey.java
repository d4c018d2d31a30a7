package io.kycflow.common.crypto;

import io.kycflow.common.json.Json;

/**
 * A new submission's data key, wrapped under the master key, with its ref: the command that starts a job
 * carries it in a header. The registry opens the command with it, and writes it to {@code kyc.job-keys} in
 * the transaction that accepts the job ({@link DataKeyIssuer}); readers everywhere else find it there.
 * <p>
 * Opening with the header matters because the registry's own open transaction may hold a tombstone on the
 * key's partition of {@code kyc.job-keys} (a losing submission's key, destroyed with its 409), and a
 * {@code read_committed} ring sees nothing behind it until that transaction commits. The key is wrapped, as
 * on the topic, so the header reveals nothing without a master key.
 */
public record IssuedDataKey(String ref, WrappedDataKey wrapped) {

    public static final String HEADER = "kycflow-data-key";

    public byte[] toHeader() {
        return Json.toBytes(this);
    }

    public static IssuedDataKey fromHeader(byte[] value) {
        return Json.fromBytes(value, IssuedDataKey.class);
    }

    @Override
    public String toString() {
        return "IssuedDataKey[ref=" + ref + "]";
    }
}
