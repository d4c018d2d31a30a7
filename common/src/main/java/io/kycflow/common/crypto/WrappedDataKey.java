package io.kycflow.common.crypto;

/**
 * A data key as it travels on {@code kyc.job-keys} (keyed by its ref): wrapped with AES-GCM under master key
 * {@code kid}, the ref as associated data. Useless without the master key.
 */
public record WrappedDataKey(int schemaVersion, String kid, byte[] iv, byte[] wrapped) {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String toString() {
        return "WrappedDataKey[kid=" + kid + "]";
    }
}
