package io.kycflow.common.crypto;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field that carries the subject's personal data. Every JSON write of it (every topic, store and
 * changelog, through the ordinary serdes) is sealed with the data key of the enclosing {@link HasDataKey}:
 * {@code {"$sealed":1,"key":"<ref>","iv":…,"ct":…}}; a read opens it through the process's
 * {@link JobKeyRing}, and a destroyed key reads as null (erased). The public API renders plain text only
 * through {@link PersonalDataProtection#revealToTree}.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = PersonalSerializer.class)
@JsonDeserialize(using = PersonalDeserializer.class)
public @interface Personal {
}
