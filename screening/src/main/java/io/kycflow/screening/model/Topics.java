package io.kycflow.screening.model;

/**
 * Why an entity is listed, in FollowTheMoney's topic vocabulary (what OpenSanctions puts in
 * {@code properties.topics}). Lists in a sanctions format are {@link #SANCTION} throughout; the PEP formats
 * are {@link #PEP}; FtM files say it per entity.
 */
public final class Topics {
    public static final String SANCTION = "sanction";
    public static final String PEP = "role.pep";
    /** Relative or close associate of a PEP. */
    public static final String RCA = "role.rca";

    private Topics() {
    }
}
