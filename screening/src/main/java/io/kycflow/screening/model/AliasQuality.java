package io.kycflow.screening.model;

/**
 * How reliable an alias is as an identifier. Publishers flag "low quality" aliases (UN "Low", UK "Low
 * quality", OFAC's quoted a.k.a. in remarks) because they are too vague to identify someone on their own.
 */
public enum AliasQuality {
    STRONG, WEAK, UNSPECIFIED
}
