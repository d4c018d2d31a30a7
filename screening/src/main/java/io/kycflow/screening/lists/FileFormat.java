package io.kycflow.screening.lists;

/**
 * What a file is, as recognised from its content. OFAC's address, alias and comment files look the same
 * for the SDN and the consolidated list, so they have no list kind of their own: they join the primary
 * file found beside them.
 */
public enum FileFormat {
    OFAC_SDN_PRIMARY(ListKind.OFAC_SDN, FileRole.PRIMARY),
    OFAC_CONSOLIDATED_PRIMARY(ListKind.OFAC_CONSOLIDATED, FileRole.PRIMARY),
    OFAC_ADDRESSES(null, FileRole.ADDRESSES),
    OFAC_ALIASES(null, FileRole.ALIASES),
    OFAC_COMMENTS(null, FileRole.COMMENTS),
    UN_XML(ListKind.UN, FileRole.PRIMARY),
    UK_OFSI_CSV(ListKind.UK_OFSI, FileRole.PRIMARY),
    UK_FCDO_CSV(ListKind.UK_FCDO, FileRole.PRIMARY),
    EU_FSF_CSV(ListKind.EU_FSF, FileRole.PRIMARY),
    US_LEGISLATORS_YAML(ListKind.US_CONGRESS, FileRole.PRIMARY),
    US_EXECUTIVE_YAML(ListKind.US_EXECUTIVE, FileRole.PRIMARY),
    FTM_ENTITIES(ListKind.FTM, FileRole.PRIMARY),
    FTM_DELTA_INDEX(ListKind.FTM, FileRole.DELTA_INDEX),
    FTM_DELTA(ListKind.FTM, FileRole.DELTA);

    private final ListKind kind;
    private final FileRole role;

    FileFormat(ListKind kind, FileRole role) {
        this.kind = kind;
        this.role = role;
    }

    /** The list this file alone identifies, or null for OFAC auxiliary files. */
    public ListKind kind() {
        return kind;
    }

    public FileRole role() {
        return role;
    }

    public boolean isOfacAuxiliary() {
        return kind == null;
    }
}
