package io.kycflow.screening.lists;

/** Part a file plays in a list snapshot; only OFAC splits one list over several files. */
public enum FileRole {
    /** The main file: sdn.csv / cons_prim.csv, or the whole list for single-file formats. */
    PRIMARY,
    ADDRESSES,
    ALIASES,
    /** OFAC remarks overflow (sdn_comments.csv / cons_comments.csv). */
    COMMENTS
}
