package io.kycflow.common.crypto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.kycflow.common.json.Json;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads a {@link Personal} field: a sealed value is opened with its data key from the installed
 * {@link JobKeyRing}; a destroyed (or never seen) key reads as null, i.e. erased. A plain value (written
 * before encryption, or under {@link HasDataKey#NO_PERSONAL_DATA}) is read as it is. A sealed value that
 * does not open under its key is an error: it was tampered with or copied under another ref.
 */
public final class PersonalDeserializer extends StdDeserializer<Object> implements ContextualDeserializer {

    private final JavaType type;

    public PersonalDeserializer() {
        this(null);
    }

    private PersonalDeserializer(JavaType type) {
        super(type == null ? Object.class : type.getRawClass());
        this.type = type;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        JavaType target = property != null ? property.getType() : ctxt.getContextualType();
        return new PersonalDeserializer(target);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JavaType target = type != null ? type : ctxt.constructType(Object.class);
        JsonNode tree = ctxt.readTree(p);
        if (!tree.isObject() || !tree.has(PersonalSerializer.SEALED)) {
            return ctxt.readTreeAsValue(tree, target);
        }
        String ref = tree.path("key").asText(null);
        Optional<SecretKey> key = PersonalDataProtection.ring().find(ref);
        if (key.isEmpty()) {
            return null;
        }
        byte[] plain;
        try {
            plain = AesGcm.open(key.get(), new AesGcm.Sealed(decode(tree, "iv"), decode(tree, "ct")),
                    ref.getBytes(StandardCharsets.UTF_8));
        } catch (AesGcm.OpenFailedException | IllegalArgumentException e) {
            throw JsonMappingException.from(p, "a sealed value under " + ref + " does not open: " + e.getMessage());
        }
        if (target.getRawClass() == byte[].class) {
            return plain;
        }
        return Json.mapper().readValue(plain, target);
    }

    private static byte[] decode(JsonNode sealed, String field) {
        JsonNode value = sealed.get(field);
        return value == null || !value.isTextual() ? null : Base64.getDecoder().decode(value.asText());
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) {
        return null;
    }
}
