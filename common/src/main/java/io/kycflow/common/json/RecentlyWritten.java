package io.kycflow.common.json;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per thread, the values a {@link JsonSerde#rememberingWrites remembering serde} wrote lately, with their
 * bytes. The registry writes each new job version, one instance, three times in a row (its store,
 * {@code kyc.jobs}, and inside its event on {@code kyc.job-events}), then reads it back from the store when
 * the job's next result comes. Serialising and sealing it once is enough, and reading back bytes this thread
 * just wrote needs no parsing or opening either.
 * <p>
 * Writes match by identity (only that very instance gets its bytes back; a new version is a new instance),
 * reads by content (only the same bytes give the instance back). The values are immutable records, so
 * neither can hand out anything stale. A thread that never wrote keeps no state.
 */
public final class RecentlyWritten {

    /** Enough for the jobs in flight on one stream thread between two results of the same job. */
    private static final int CAPACITY = 512;

    private record Written(Object value, byte[] bytes) {
    }

    private static final class Memo {
        Written last;
        final Map<Integer, Written> byContent = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Written> eldest) {
                return size() > CAPACITY;
            }
        };
    }

    private static final ThreadLocal<Memo> MEMO = new ThreadLocal<>();

    private RecentlyWritten() {
    }

    /** The value's JSON, from the memo when it is the value this thread wrote last. */
    static byte[] toBytes(Object value) {
        Memo memo = MEMO.get();
        if (memo == null) {
            memo = new Memo();
            MEMO.set(memo);
        } else if (memo.last != null && memo.last.value() == value) {
            return memo.last.bytes();
        }
        byte[] bytes = Json.toBytes(value);
        memo.last = new Written(value, bytes);
        memo.byContent.put(Arrays.hashCode(bytes), memo.last);
        return bytes;
    }

    /** The value these bytes were written from by this thread lately, else the bytes read as usual. */
    static <T> T fromBytes(byte[] bytes, Class<T> type) {
        Memo memo = MEMO.get();
        if (memo != null) {
            Written written = memo.byContent.get(Arrays.hashCode(bytes));
            if (written != null && type.isInstance(written.value()) && Arrays.equals(written.bytes(), bytes)) {
                return type.cast(written.value());
            }
        }
        return Json.fromBytes(bytes, type);
    }

    /** The bytes this thread wrote last for this very instance, else null. Callers must not change them. */
    public static byte[] bytesOf(Object value) {
        Memo memo = MEMO.get();
        return memo != null && memo.last != null && memo.last.value() == value ? memo.last.bytes() : null;
    }
}
