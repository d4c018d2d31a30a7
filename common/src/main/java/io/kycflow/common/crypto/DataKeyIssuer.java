package io.kycflow.common.crypto;

import javax.crypto.SecretKey;

/**
 * Makes the data key of one submission: a fresh AES-256 key, held by this process's {@link JobKeyRing} at
 * once and wrapped under its primary master key. Nothing is written here: the command that starts the job
 * carries the wrapped key in a header ({@link IssuedDataKey}), and the registry writes it to
 * {@code kyc.job-keys} in the transaction that accepts the job. So a key is stored exactly when its job is;
 * a submission that loses the race, or never reaches the registry, leaves no key behind.
 */
public final class DataKeyIssuer {

    private DataKeyIssuer() {
    }

    public static IssuedDataKey issue(String ref) {
        JobKeyRing ring = PersonalDataProtection.ring();
        SecretKey key = AesGcm.newKey();
        WrappedDataKey wrapped = ring.masterKeys().wrap(ref, key);
        ring.remember(ref, key);
        return new IssuedDataKey(ref, wrapped);
    }
}
