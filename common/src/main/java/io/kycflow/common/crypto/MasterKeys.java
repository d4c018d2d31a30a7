package io.kycflow.common.crypto;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The master keys that wrap per-submission data keys ({@code KYCFLOW_MASTER_KEY}): {@code base64} (32 bytes,
 * key id {@code default}) or {@code kid:base64,kid2:base64,…}. The first wraps new data keys; every one
 * unwraps, so rotation is: put the new key first, keep the old ones until their data keys are gone.
 * Without the setting, a key generated in the data directory (owner-only file), like the JWT key.
 * {@link #toString()} never shows key material.
 */
public final class MasterKeys {

    public static final String DEFAULT_KEY_ID = "default";
    public static final String FILE_NAME = "master-key";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String primaryId;
    private final Map<String, SecretKey> keys;

    private MasterKeys(Map<String, SecretKey> keys) {
        this.keys = Map.copyOf(keys);
        this.primaryId = keys.keySet().iterator().next();
    }

    /** The setting's value; the error names the setting and the entry's position, never its bytes. */
    public static MasterKeys parse(String setting) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        List<String> entries = List.of(setting.trim().split(","));
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).trim();
            int colon = entry.indexOf(':');
            String kid = colon < 0 ? DEFAULT_KEY_ID : entry.substring(0, colon).trim();
            String encoded = colon < 0 ? entry : entry.substring(colon + 1).trim();
            String where = "KYCFLOW_MASTER_KEY entry " + (i + 1);
            if (!KEY_ID.matcher(kid).matches()) {
                throw new IllegalArgumentException(where + ": the key id must be 1-64 characters of A-Z a-z 0-9 . _ -");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(encoded);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " (" + kid + "): not base64");
            }
            if (bytes.length != AesGcm.KEY_BYTES) {
                throw new IllegalArgumentException(where + " (" + kid + "): a master key is 32 bytes, base64-encoded "
                        + "(e.g. `openssl rand -base64 32`), not " + bytes.length);
            }
            if (keys.put(kid, AesGcm.key(bytes)) != null) {
                throw new IllegalArgumentException(where + ": key id " + kid + " appears twice");
            }
        }
        return new MasterKeys(keys);
    }

    /** The configured keys, else the data directory's generated key (created on first use, owner-only). */
    public static MasterKeys of(java.util.Optional<String> setting, Path dataDir) {
        return setting.map(MasterKeys::parse).orElseGet(() -> loadOrGenerate(dataDir.resolve(FILE_NAME)));
    }

    public static MasterKeys loadOrGenerate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                Files.writeString(temp, DEFAULT_KEY_ID + ":"
                        + Base64.getEncoder().encodeToString(AesGcm.newKey().getEncoded()) + "\n", StandardCharsets.US_ASCII);
                try {
                    // Atomic and without replacing: two processes starting on one data directory agree on one key.
                    Files.createLink(file, temp);
                } catch (java.nio.file.FileAlreadyExistsException ignored) {
                    // another process won
                } catch (UnsupportedOperationException | IOException e) {
                    Files.move(temp, file);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the master key file " + file, e);
        }
    }

    public String primaryId() {
        return primaryId;
    }

    /** Wraps a data key under the primary master key, bound to its ref. */
    public WrappedDataKey wrap(String ref, SecretKey dataKey) {
        AesGcm.Sealed sealed = AesGcm.seal(keys.get(primaryId), dataKey.getEncoded(), ref.getBytes(StandardCharsets.UTF_8));
        return new WrappedDataKey(WrappedDataKey.SCHEMA_VERSION, primaryId, sealed.iv(), sealed.ciphertext());
    }

    /**
     * The data key a record holds. Its master key is found by key id; a record whose id is unknown is tried
     * under every key (GCM's tag tells the right one), so renaming a key id does not lose data.
     */
    public SecretKey unwrap(String ref, WrappedDataKey wrapped) {
        AesGcm.Sealed sealed = new AesGcm.Sealed(wrapped.iv(), wrapped.wrapped());
        byte[] aad = ref.getBytes(StandardCharsets.UTF_8);
        SecretKey named = wrapped.kid() == null ? null : keys.get(wrapped.kid());
        if (named != null) {
            return AesGcm.key(AesGcm.open(named, sealed, aad));
        }
        for (SecretKey candidate : keys.values()) {
            try {
                return AesGcm.key(AesGcm.open(candidate, sealed, aad));
            } catch (AesGcm.OpenFailedException ignored) {
                // not this one
            }
        }
        throw new AesGcm.OpenFailedException("no master key (ids " + keys.keySet() + ") unwraps the data key");
    }

    @Override
    public String toString() {
        return "MasterKeys[primary=" + primaryId + ", ids=" + keys.keySet() + "]";
    }
}
