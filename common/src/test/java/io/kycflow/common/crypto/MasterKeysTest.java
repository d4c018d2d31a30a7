package io.kycflow.common.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MasterKeysTest {

    private static String key(int seed) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) seed);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void rotationWrapsWithTheFirstKeyAndStillUnwrapsWithTheOldOnes() {
        MasterKeys before = MasterKeys.parse(key(1));
        SecretKey dataKey = AesGcm.newKey();
        WrappedDataKey old = before.wrap("acme/j#s", dataKey);
        assertEquals("default", old.kid());

        MasterKeys rotated = MasterKeys.parse("k2:" + key(2) + ", default:" + key(1));
        assertEquals("k2", rotated.primaryId());
        assertArrayEquals(dataKey.getEncoded(), rotated.unwrap("acme/j#s", old).getEncoded(), "old wrapped keys unwrap");
        WrappedDataKey fresh = rotated.wrap("acme/j2#s", dataKey);
        assertEquals("k2", fresh.kid());
        assertThrows(AesGcm.OpenFailedException.class, () -> before.unwrap("acme/j2#s", fresh), "new keys need the new master");
        // A key id renamed in the setting: found by trying each key.
        assertArrayEquals(dataKey.getEncoded(), MasterKeys.parse("renamed:" + key(1)).unwrap("acme/j#s", old).getEncoded());
    }

    @Test
    void aWrappedKeyIsBoundToItsRef() {
        MasterKeys keys = MasterKeys.parse(key(1));
        WrappedDataKey wrapped = keys.wrap("acme/j#s1", AesGcm.newKey());
        assertThrows(AesGcm.OpenFailedException.class, () -> keys.unwrap("acme/j#s2", wrapped));
    }

    @Test
    void badSettingsAreRefusedWithoutEchoingTheKey() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MasterKeys.parse("a:" + shortKey));
        assertFalse(e.getMessage().contains(shortKey));
        assertThrows(IllegalArgumentException.class, () -> MasterKeys.parse("a:" + key(1) + ",a:" + key(2)));
        assertThrows(IllegalArgumentException.class, () -> MasterKeys.parse("bad id:" + key(1)));
        assertFalse(MasterKeys.parse(key(1)).toString().contains(key(1)));
    }

    @Test
    void withoutASettingAKeyIsGeneratedOnceInTheDataDirectoryReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        MasterKeys first = MasterKeys.of(Optional.empty(), dir);
        MasterKeys second = MasterKeys.of(Optional.empty(), dir);
        Path file = dir.resolve(MasterKeys.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        SecretKey dataKey = AesGcm.newKey();
        assertArrayEquals(dataKey.getEncoded(), second.unwrap("r", first.wrap("r", dataKey)).getEncoded());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
