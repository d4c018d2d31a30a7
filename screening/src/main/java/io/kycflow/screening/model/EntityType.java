package io.kycflow.screening.model;

/** What kind of thing a list entry is; a person query must never be scored against a vessel. */
public enum EntityType {
    PERSON, ORGANISATION, VESSEL, AIRCRAFT, UNKNOWN
}
