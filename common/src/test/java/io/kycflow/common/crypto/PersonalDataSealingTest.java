package io.kycflow.common.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.command.CheckTask;
import io.kycflow.common.json.Json;
import io.kycflow.common.json.JsonSerde;
import io.kycflow.common.notification.ParkedDelivery;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Personal} fields through the ordinary serdes: sealed on the wire, opened on read, erased with their key. */
class PersonalDataSealingTest {

    private static final String CANARY = "Canary-Q7x2-Zebulon";
    private static final String REF = "acme/job-1#sub-1";
    private static final JsonSerde<CheckTask> SERDE = new JsonSerde<>(CheckTask.class);

    private JobKeyRing ring;

    @BeforeEach
    void installRing() {
        ring = PersonalDataProtection.install(JobKeyRing.detached(MasterKeys.parse(key(1)), Duration.ofMillis(50)));
        issue(REF);
    }

    private void issue(String ref) {
        ring.accept(ref, ring.masterKeys().wrap(ref, AesGcm.newKey()));
    }

    private static String key(int seed) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) seed);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static CheckTask task(String ref) {
        ObjectNode subject = Json.mapper().createObjectNode();
        subject.putObject("self_attested_data").put("first_name", CANARY);
        return new CheckTask(CheckTask.SCHEMA_VERSION, "acme", "job-1", "public-kyc", "kyc.x", "ci-1", 1,
                Instant.parse("2026-01-01T00:00:00Z"), Json.mapper().createObjectNode(), subject, ref);
    }

    @Test
    void aPersonalFieldIsSealedOnTheWireAndOpensOnRead() {
        byte[] bytes = SERDE.serializer().serialize("t", task(REF));
        String wire = new String(bytes, StandardCharsets.UTF_8);
        assertFalse(wire.contains(CANARY), wire);
        JsonNode subject = Json.fromBytes(bytes, JsonNode.class).get("subject");
        assertEquals(1, subject.get("$sealed").asInt());
        assertEquals(REF, subject.get("key").asText());

        CheckTask read = SERDE.deserializer().deserialize("t", bytes);
        assertEquals(CANARY, read.subject().path("self_attested_data").path("first_name").asText());
        assertEquals(task(REF), read);
    }

    @Test
    void aByteArrayBodyIsSealedToo() {
        byte[] body = ("{\"name\":\"" + CANARY + "\"}").getBytes(StandardCharsets.UTF_8);
        ParkedDelivery parked = new ParkedDelivery(1, "d", "webhook", "acme/job-1", "acme", "e", "job.complete",
                "https://example.com/hook", body, 2, Instant.EPOCH, Instant.EPOCH, "HTTP 503", REF);
        byte[] bytes = Json.toBytes(parked);
        assertFalse(new String(bytes, StandardCharsets.UTF_8).contains(CANARY));
        assertFalse(new String(bytes, StandardCharsets.UTF_8).contains(Base64.getEncoder().encodeToString(body)));
        assertArrayEquals(body, Json.fromBytes(bytes, ParkedDelivery.class).body());
    }

    @Test
    void withoutARefItRefusesToWriteAndWithTheNoPersonalDataMarkerItWritesPlainText() {
        assertThrows(IllegalArgumentException.class, () -> Json.toBytes(task(null)));
        String plain = Json.toString(task(HasDataKey.NO_PERSONAL_DATA));
        assertTrue(plain.contains(CANARY), "the explicit marker writes plain text");
        assertEquals(CANARY, Json.fromBytes(plain.getBytes(StandardCharsets.UTF_8), CheckTask.class).subject()
                .path("self_attested_data").path("first_name").asText());
    }

    @Test
    void aSealedValueMovedUnderAnotherRefOrKeyDoesNotOpen() {
        String other = "acme/job-2#sub-9";
        issue(other);
        ObjectNode wire = (ObjectNode) Json.fromBytes(SERDE.serializer().serialize("t", task(REF)), JsonNode.class);
        ((ObjectNode) wire.get("subject")).put("key", other); // same ciphertext, claimed for another job
        byte[] forged = Json.toBytes(wire);
        SerializationException e = assertThrows(SerializationException.class, () -> SERDE.deserializer().deserialize("t", forged));
        assertFalse(String.valueOf(e.getCause()).contains(CANARY));

        byte[] sealed = SERDE.serializer().serialize("t", task(REF));
        issueReplacing(REF); // another key under the same ref: the old ciphertext does not open under it
        assertThrows(SerializationException.class, () -> SERDE.deserializer().deserialize("t", sealed));
    }

    /** The registry writes one subject into a job and each of its tasks in a row: one sealing serves them all. */
    @Test
    void anEqualValueSealedAgainInARowUnderTheSameKeyKeepsItsSealingAndAnythingElseIsSealedAnew() {
        JsonNode first = sealedSubject(task(REF));
        assertEquals(first, sealedSubject(task(REF)), "the same subject again: the same IV and ciphertext");

        CheckTask changed = task(REF);
        ((ObjectNode) changed.subject().get("self_attested_data")).put("last_name", "Other");
        JsonNode other = sealedSubject(changed);
        assertNotEquals(first.get("iv"), other.get("iv"), "a changed value is sealed anew");
        assertNotEquals(first.get("iv"), sealedSubject(task(REF)).get("iv"), "only the last value is kept");

        JsonNode last = sealedSubject(task(REF));
        issueReplacing(REF);
        JsonNode underNewKey = sealedSubject(task(REF));
        assertNotEquals(last.get("iv"), underNewKey.get("iv"), "another key seals anew");
        assertEquals(CANARY, SERDE.deserializer().deserialize("t", SERDE.serializer().serialize("t", task(REF)))
                .subject().path("self_attested_data").path("first_name").asText());
    }

    private static JsonNode sealedSubject(CheckTask task) {
        return Json.fromBytes(SERDE.serializer().serialize("t", task), JsonNode.class).get("subject");
    }

    private void issueReplacing(String ref) {
        ring.accept(ref, ring.masterKeys().wrap(ref, AesGcm.newKey()));
    }

    @Test
    void aDestroyedKeyReadsAsErasedAndIsNotWrittenAgain() {
        byte[] sealed = SERDE.serializer().serialize("t", task(REF));
        ring.accept(REF, null);
        assertTrue(ring.isDestroyed(REF));
        assertNull(SERDE.deserializer().deserialize("t", sealed).subject(), "erased");
        String rewritten = Json.toString(task(REF));
        assertFalse(rewritten.contains(CANARY));
        assertTrue(Json.fromBytes(rewritten.getBytes(StandardCharsets.UTF_8), JsonNode.class).get("subject").isNull());
    }

    @Test
    void anUnknownRefWaitsBrieflyThenReadsAsNull() {
        byte[] sealed = SERDE.serializer().serialize("t", task(REF));
        PersonalDataProtection.install(JobKeyRing.detached(MasterKeys.parse(key(1)), Duration.ofMillis(20)));
        assertNull(SERDE.deserializer().deserialize("t", sealed).subject());
    }

    @Test
    void revealWritesPlainTextForTheDataOwner() {
        JsonNode revealed = PersonalDataProtection.revealToTree(task(REF));
        assertEquals(CANARY, revealed.path("subject").path("self_attested_data").path("first_name").asText());
    }
}
