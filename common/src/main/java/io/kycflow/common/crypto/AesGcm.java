package io.kycflow.common.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * AES-256-GCM with a random 96-bit IV and a 128-bit tag: the one cipher of both layers (master key wraps a
 * data key; a data key seals a field). The associated data binds a ciphertext to where it belongs (its key ref),
 * so a sealed value copied under another job's ref does not open.
 */
public final class AesGcm {

    public static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher per platform thread, initialised anew (key, fresh IV) for every value: looking the
     * transformation up in the JCA providers cost more than the sealing of a small value. A virtual thread
     * lives for one request, so it gets its own cipher rather than a thread-local it would use once.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(AesGcm::newCipher);

    /** The IV and ciphertext (with its tag) of one sealed value. */
    public record Sealed(byte[] iv, byte[] ciphertext) {
    }

    /** Thrown when a ciphertext does not open: wrong key, wrong associated data, or tampered. Carries no data. */
    public static final class OpenFailedException extends RuntimeException {
        OpenFailedException(String message) {
            super(message);
        }
    }

    private AesGcm() {
    }

    public static SecretKey newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return key(bytes);
    }

    public static SecretKey key(byte[] bytes) {
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has " + KEY_BYTES + " bytes, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public static Sealed seal(SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            return new Sealed(iv, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public static byte[] open(SecretKey key, Sealed sealed, byte[] associatedData) {
        if (sealed.iv() == null || sealed.iv().length != IV_BYTES || sealed.ciphertext() == null) {
            throw new OpenFailedException("malformed sealed value");
        }
        try {
            Cipher cipher = cipher();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.iv()));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new OpenFailedException("the sealed value does not open under this key and key ref");
        } catch (GeneralSecurityException e) {
            throw new OpenFailedException("the sealed value does not open: " + e.getClass().getSimpleName());
        }
    }

    private static Cipher cipher() {
        return Thread.currentThread().isVirtual() ? newCipher() : CIPHERS.get();
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
