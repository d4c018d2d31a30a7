package io.kycflow.screening.match;

import io.kycflow.screening.model.EntityType;

import java.util.Locale;

/**
 * What the query describes, in the terms callers use (FollowTheMoney names such as "Company" or
 * "LegalEntity" are accepted). Decides which entity types a query may hit: a person is never matched
 * against a vessel, and a vessel name is never matched against a person.
 */
public enum Schema {
    PERSON, ORGANISATION, VESSEL, AIRCRAFT,
    /** Unknown kind of party (FtM "LegalEntity" or nothing given): may be a person or an organisation. */
    ANY;

    public static Schema parse(String text) {
        if (text == null || text.isBlank()) {
            return ANY;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "person", "individual", "people" -> PERSON;
            case "organisation", "organization", "company", "entity", "enterprise", "publicbody" -> ORGANISATION;
            case "vessel", "ship" -> VESSEL;
            case "aircraft", "airplane" -> AIRCRAFT;
            default -> ANY;
        };
    }

    /** Organisations, vessels and aircraft: names where every word counts and legal forms are compared. */
    public boolean isThing() {
        return this == ORGANISATION || this == VESSEL || this == AIRCRAFT;
    }

    /** Whether an entity of this type may be a hit for a query of this schema. */
    public boolean accepts(EntityType type) {
        if (type == EntityType.UNKNOWN) {
            return true;
        }
        return switch (this) {
            case PERSON -> type == EntityType.PERSON;
            case ORGANISATION -> type == EntityType.ORGANISATION;
            case VESSEL -> type == EntityType.VESSEL;
            case AIRCRAFT -> type == EntityType.AIRCRAFT;
            case ANY -> type == EntityType.PERSON || type == EntityType.ORGANISATION;
        };
    }
}
