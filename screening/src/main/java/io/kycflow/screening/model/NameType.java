package io.kycflow.screening.model;

/** Role of one name of an entity, as the publisher states it. */
public enum NameType {
    PRIMARY,
    /** A spelling variant of the primary name (UK "Primary name variation"). */
    PRIMARY_VARIATION,
    /** Also known as. */
    AKA,
    /** Formerly known as. */
    FKA,
    /** Now known as. */
    NKA,
    /** The name in its original (non-Latin) script. */
    ORIGINAL_SCRIPT
}
