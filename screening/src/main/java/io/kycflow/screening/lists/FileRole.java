package io.kycflow.screening.lists;

/** Part a file plays in a list snapshot; OFAC and FtM deltas split one list over several files. */
public enum FileRole {
    /** The main file: sdn.csv / cons_prim.csv, or the whole list for single-file formats. */
    PRIMARY,
    ADDRESSES,
    ALIASES,
    /** OFAC remarks overflow (sdn_comments.csv / cons_comments.csv). */
    COMMENTS,
    /** FtM {@code delta.json}: the index of a dataset's versions, each a folder holding its delta file. */
    DELTA_INDEX,
    /** FtM {@code entities.delta.json}: one version's changes, read through its index, never alone. */
    DELTA
}
