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
        AesGcm.Sealed sealed = AesGcm.seal(key.get(), plain, ref.getBytes(StandardCharsets.UTF_8));
        gen.writeStartObject();
        gen.writeNumberField(SEALED, 1);
        gen.writeStringField("key", ref);
        gen.writeStringField("iv", Base64.getEncoder().encodeToString(sealed.iv()));
        gen.writeStringField("ct", Base64.getEncoder().encodeToString(sealed.ciphertext()));
        gen.writeEndObject();
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
