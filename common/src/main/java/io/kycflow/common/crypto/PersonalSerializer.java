package io.kycflow.common.crypto;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.kycflow.common.json.Json;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;

/**
 * Writes a {@link Personal} field sealed: {@code {"$sealed":1,"key":ref,"iv":…,"ct":…}}, the ciphertext of
 * the value's JSON (of the raw bytes for a {@code byte[]}) under the data key of the nearest enclosing
 * {@link HasDataKey}, with the ref as associated data. Refuses (throws) rather than write plain text when no
 * ref is found; writes plain text only for the explicit {@link HasDataKey#NO_PERSONAL_DATA} marker, for
 * empty values (an empty list says nothing), and for {@link PersonalDataProtection#revealToTree}. A value
 * whose key was destroyed is written as null: that data is erased and must not come back.
 */
public final class PersonalSerializer extends StdSerializer<Object> {

    static final String SEALED = "$sealed";

    /**
     * The last value this platform thread sealed. The registry writes one subject into a job and into each of
     * its check tasks, one after another: an equal plaintext under the same key and ref gets the same sealed
     * form again instead of a new IV and another AES-GCM pass. Equal bytes are checked, not identity, so a
     * changed value is always sealed anew; all a reader learns is that two copies of one job's value are equal.
     */
    private static final ThreadLocal<LastSealed> LAST_SEALED = new ThreadLocal<>();

    private record LastSealed(String ref, SecretKey key, byte[] plain, String iv, String ct) {
        boolean sealed(String ref, SecretKey key, byte[] plain) {
            return this.key == key && this.ref.equals(ref) && Arrays.equals(this.plain, plain);
        }
    }

    public PersonalSerializer() {
        super(Object.class);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (PersonalDataProtection.isRevealing(provider) || carriesNothing(value)) {
            provider.defaultSerializeValue(value, gen);
            return;
        }
        String ref = findRef(gen);
        if (ref == null) {
            throw JsonMappingException.from(gen, "refusing to write personal data in plain text: no data key ref "
                    + "on the record that holds it (" + describe(gen) + ")");
        }
        if (HasDataKey.NO_PERSONAL_DATA.equals(ref)) {
            provider.defaultSerializeValue(value, gen);
            return;
        }
        JobKeyRing ring = PersonalDataProtection.ring();
        Optional<SecretKey> key = ring.find(ref);
        if (key.isEmpty()) {
            if (ring.isDestroyed(ref)) {
                gen.writeNull();
                return;
            }
            throw JsonMappingException.from(gen, "no data key " + ref + " in the key ring: personal data not written");
        }
        byte[] plain = value instanceof byte[] bytes ? bytes : Json.mapper().writeValueAsBytes(value);
        LastSealed sealed = seal(ref, key.get(), plain);
        gen.writeStartObject();
        gen.writeNumberField(SEALED, 1);
        gen.writeStringField("key", ref);
        gen.writeStringField("iv", sealed.iv());
        gen.writeStringField("ct", sealed.ct());
        gen.writeEndObject();
    }

    private static LastSealed seal(String ref, SecretKey key, byte[] plain) {
        boolean platform = !Thread.currentThread().isVirtual();
        LastSealed last = platform ? LAST_SEALED.get() : null;
        if (last != null && last.sealed(ref, key, plain)) {
            return last;
        }
        AesGcm.Sealed sealed = AesGcm.seal(key, plain, ref.getBytes(StandardCharsets.UTF_8));
        LastSealed now = new LastSealed(ref, key, plain.clone(), Base64.getEncoder().encodeToString(sealed.iv()),
                Base64.getEncoder().encodeToString(sealed.ciphertext()));
        if (platform) {
            LAST_SEALED.set(now);
        }
        return now;
    }

    private static boolean carriesNothing(Object value) {
        return value instanceof Collection<?> c && c.isEmpty() || value instanceof String s && s.isEmpty();
    }

    /** The ref of the nearest enclosing record that names one. */
    private static String findRef(JsonGenerator gen) {
        for (JsonStreamContext context = gen.getOutputContext(); context != null; context = context.getParent()) {
            if (context.getCurrentValue() instanceof HasDataKey holder && holder.dataKeyRef() != null) {
                return holder.dataKeyRef();
            }
        }
        return null;
    }

    private static String describe(JsonGenerator gen) {
        Object current = gen.getOutputContext().getCurrentValue();
        return (current == null ? "?" : current.getClass().getSimpleName()) + "." + gen.getOutputContext().getCurrentName();
    }
}
