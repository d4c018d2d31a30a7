package io.kycflow.screening.match;

/** What a piece of evidence other than the name did to a hit. */
public enum Effect {
    CORROBORATES, CONTRADICTS, NEUTRAL
}
