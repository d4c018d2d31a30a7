package io.kycflow.common.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

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
     * Ciphers to borrow, each initialised anew (key, fresh IV) for every value: looking the transformation up
     * in the JCA providers cost more than the sealing of a small value. A pool rather than a thread-local, as
     * the API's requests run on virtual threads, each living for one request and sealing twice in it. Room for
     * every thread that seals at once; a cipher given back to a full pool is dropped.
     */
    private static final BlockingQueue<Cipher> CIPHERS = new ArrayBlockingQueue<>(256);

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
        Cipher cipher = borrow();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            return new Sealed(iv, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            giveBack(cipher);
        }
    }

    public static byte[] open(SecretKey key, Sealed sealed, byte[] associatedData) {
        if (sealed.iv() == null || sealed.iv().length != IV_BYTES || sealed.ciphertext() == null) {
            throw new OpenFailedException("malformed sealed value");
        }
        Cipher cipher = borrow();
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.iv()));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new OpenFailedException("the sealed value does not open under this key and key ref");
        } catch (GeneralSecurityException e) {
            throw new OpenFailedException("the sealed value does not open: " + e.getClass().getSimpleName());
        } finally {
            giveBack(cipher);
        }
    }

    private static Cipher borrow() {
        Cipher cipher = CIPHERS.poll();
        return cipher != null ? cipher : newCipher();
    }

    /** Every use starts with {@code init}, which resets whatever the last use (finished or failed) left. */
    private static void giveBack(Cipher cipher) {
        CIPHERS.offer(cipher);
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
