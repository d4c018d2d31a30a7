package io.kycflow.common.crypto;

import io.kycflow.common.json.Json;

/**
 * A data key just written to {@code kyc.job-keys}, with its ref. A command that starts a job carries it in
 * a header, so the registry opens the command with it at once instead of waiting to read the key back.
 * <p>
 * Why it matters: the registry's own open transaction may hold a tombstone on the key's partition of
 * {@code kyc.job-keys} (a losing submission's key, destroyed with its 409), and a {@code read_committed}
 * ring sees nothing behind it until that transaction commits, which it cannot while its thread waits for
 * the key. The key is wrapped under the master key, as on the topic, so the header reveals nothing.
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
