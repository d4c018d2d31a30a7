package io.kycflow.common.json;

/**
 * Per thread, the last value a {@link JsonSerde#rememberingLastWrite remembering serde} wrote, and its bytes.
 * The registry writes each new job version, one instance, three times in a row: to its store, to
 * {@code kyc.jobs}, and inside its event on {@code kyc.job-events}. Serialising it (and sealing its personal
 * fields) once is enough. Identity, not equality: only that very instance gets its bytes back, and a new job
 * version is a new instance, so nothing stale is ever written.
 */
public final class LastWritten {

    private record Entry(Object value, byte[] bytes) {
    }

    private static final ThreadLocal<Entry> LAST = new ThreadLocal<>();

    private LastWritten() {
    }

    /** The value's JSON, from the memo when it is the value this thread wrote last. */
    static byte[] toBytes(Object value) {
        Entry last = LAST.get();
        if (last != null && last.value() == value) {
            return last.bytes();
        }
        byte[] bytes = Json.toBytes(value);
        LAST.set(new Entry(value, bytes));
        return bytes;
    }

    /** The bytes this thread wrote last for this very instance, else null. Callers must not change them. */
    public static byte[] bytesOf(Object value) {
        Entry last = LAST.get();
        return last != null && last.value() == value ? last.bytes() : null;
    }
}
