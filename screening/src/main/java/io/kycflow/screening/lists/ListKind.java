package io.kycflow.screening.lists;

/** The lists this library can read (sanctions and PEP), each with a stable id carried on every hit. */
public enum ListKind {
    OFAC_SDN("ofac_sdn", "US Treasury OFAC Specially Designated Nationals (legacy CSV)"),
    OFAC_CONSOLIDATED("ofac_consolidated", "US Treasury OFAC Consolidated non-SDN list (legacy CSV)"),
    UN("un", "UN Security Council Consolidated List (XML)"),
    UK_OFSI("uk_ofsi", "UK HM Treasury OFSI Consolidated List (ConList CSV)"),
    UK_FCDO("uk_fcdo", "UK Sanctions List, FCDO (CSV)"),
    EU_FSF("eu_fsf", "EU Financial Sanctions Files consolidated list (CSV)"),
    US_CONGRESS("us_congress", "US Congress sitting legislators, unitedstates/congress-legislators (YAML)"),
    US_EXECUTIVE("us_executive", "US presidents and vice presidents, unitedstates/congress-legislators (YAML)"),
    /**
     * FollowTheMoney entities (OpenSanctions, yente): one list per dataset folder, so its hits carry
     * {@code ftm:<dataset>} (see {@link FtmDataset}) rather than this kind's id.
     */
    FTM("ftm", "FollowTheMoney entities (OpenSanctions / yente format)");

    private final String id;
    private final String source;

    ListKind(String id, String source) {
        this.id = id;
        this.source = source;
    }

    /** Short id used on hits, e.g. "ofac_sdn". */
    public String id() {
        return id;
    }

    /** Human-readable publisher and format. */
    public String source() {
        return source;
    }
}
