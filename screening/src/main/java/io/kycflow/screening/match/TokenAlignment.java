package io.kycflow.screening.match;

/**
 * Query name part(s) aligned with listed name part(s), e.g. "binladen" with "bin laden" at 1.00.
 *
 * @param queryPart  normalised query token(s), space separated when two were joined
 * @param listedPart normalised listed token(s)
 */
public record TokenAlignment(String queryPart, String listedPart, double similarity) {
    @Override
    public String toString() {
        return queryPart + "~" + listedPart + String.format(java.util.Locale.ROOT, " %.2f", similarity);
    }
}
