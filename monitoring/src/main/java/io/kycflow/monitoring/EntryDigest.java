package io.kycflow.monitoring;

import io.kycflow.screening.model.SanctionedEntity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content hash of one list entry: what tells "the entry changed" apart from "the entry was read again".
 * A list entry is a tree of records, lists, strings and dates, so its record rendering is complete and
 * deterministic (no maps, no identity hashes) and hashing it needs no second serialisation of every field.
 */
final class EntryDigest {

    private EntryDigest() {
    }

    static String of(SanctionedEntity entity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(entity.toString().getBytes(StandardCharsets.UTF_8));
            // 128 bits: collisions between two states of one entry are not a practical concern.
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
