package io.kycflow.screening.model;

/**
 * A postal address, kept as one line of text because publishers split it inconsistently.
 *
 * @param countryCode ISO 3166-1 alpha-2 where the country could be recognised, else null
 */
public record Address(String text, String country, String countryCode) {
}
