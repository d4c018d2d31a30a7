package io.kycflow.screening.model;

/**
 * One name under which an entity is listed.
 *
 * @param fullName the name as written by the publisher
 * @param parts    separate name parts where given, else null
 */
public record EntityName(String fullName, NameType type, AliasQuality quality, NameParts parts) {
    public EntityName {
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("empty name");
        }
        fullName = fullName.strip();
    }

    public static EntityName primary(String fullName) {
        return new EntityName(fullName, NameType.PRIMARY, AliasQuality.STRONG, null);
    }
}
