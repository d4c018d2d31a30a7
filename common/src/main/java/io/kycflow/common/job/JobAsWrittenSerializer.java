package io.kycflow.common.job;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.kycflow.common.crypto.PersonalDataProtection;
import io.kycflow.common.json.RecentlyWritten;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes the job inside a {@link JobEvent} as the very bytes the registry just wrote for it to its store and
 * {@code kyc.jobs} ({@link RecentlyWritten}): the same sealed JSON, not serialised and sealed a third time. Any
 * other job, and any revealing or non-byte writer, is serialised as usual.
 */
final class JobAsWrittenSerializer extends StdSerializer<Job> {

    JobAsWrittenSerializer() {
        super(Job.class);
    }

    @Override
    public void serialize(Job job, JsonGenerator gen, SerializerProvider provider) throws IOException {
        byte[] written = gen instanceof UTF8JsonGenerator && !PersonalDataProtection.isRevealing(provider)
                ? RecentlyWritten.bytesOf(job) : null;
        if (written == null) {
            provider.defaultSerializeValue(job, gen);
        } else {
            gen.writeRawValue(new RawJson(written));
        }
    }

    /** UTF-8 JSON that a byte generator copies as it is; the generator asks for nothing else. */
    private record RawJson(byte[] utf8) implements SerializableString {

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + utf8.length > buffer.length) {
                return -1;
            }
            System.arraycopy(utf8, 0, buffer, offset, utf8.length);
            return utf8.length;
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return utf8;
        }

        @Override
        public String getValue() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (buffer.remaining() < utf8.length) {
                return -1;
            }
            buffer.put(utf8);
            return utf8.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            throw unquotedOnly();
        }

        @Override
        public char[] asQuotedChars() {
            throw unquotedOnly();
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw unquotedOnly();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw unquotedOnly();
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw unquotedOnly();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw unquotedOnly();
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw unquotedOnly();
        }

        private static UnsupportedOperationException unquotedOnly() {
            return new UnsupportedOperationException("raw JSON is written unquoted, as bytes");
        }
    }
}
