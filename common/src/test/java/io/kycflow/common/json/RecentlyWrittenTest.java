package io.kycflow.common.json;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A remembering serde: one serialisation per instance, and bytes written lately read back as their instance. */
class RecentlyWrittenTest {

    record Version(String id, long sequence, List<String> notes) {
    }

    private final JsonSerde<Version> serde = JsonSerde.rememberingWrites(Version.class);
    private final Serializer<Version> writer = serde.serializer();
    private final Deserializer<Version> reader = serde.deserializer();

    @Test
    void theSameInstanceWrittenAgainGetsTheSameBytesAndAnEqualOneIsWrittenAfresh() {
        Version v1 = new Version("job-1", 1, List.of("queued"));
        byte[] first = writer.serialize("store", v1);
        assertSame(first, writer.serialize("kyc.jobs", v1));
        assertSame(first, RecentlyWritten.bytesOf(v1));
        Version equal = new Version("job-1", 1, List.of("queued"));
        assertNull(RecentlyWritten.bytesOf(equal), "identity, not equality");
        byte[] again = writer.serialize("store", equal);
        assertNotSame(first, again);
        assertArrayEquals(first, again);
    }

    @Test
    void bytesThisThreadWroteLatelyReadBackAsTheirInstanceAndOthersAreParsed() throws Exception {
        Version v1 = new Version("job-2", 1, List.of("queued"));
        Version v2 = new Version("job-2", 2, List.of("queued", "started"));
        byte[] b1 = writer.serialize("store", v1);
        byte[] b2 = writer.serialize("store", v2);
        // The store hands back a copy of the bytes, not the array it was given.
        assertSame(v1, reader.deserialize("store", b1.clone()));
        assertSame(v2, reader.deserialize("store", b2.clone()));

        byte[] changed = new String(b2, StandardCharsets.UTF_8).replace("started", "startex").getBytes(StandardCharsets.UTF_8);
        Version parsed = reader.deserialize("store", changed);
        assertEquals(List.of("queued", "startex"), parsed.notes());

        Version elsewhere = CompletableFuture.supplyAsync(() -> reader.deserialize("store", b2.clone())).get();
        assertNotSame(v2, elsewhere, "another thread parses for itself");
        assertEquals(v2, elsewhere);
    }
}
