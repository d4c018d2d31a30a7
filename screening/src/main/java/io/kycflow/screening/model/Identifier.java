package io.kycflow.screening.model;

/**
 * An identity document or registration number.
 *
 * @param type    e.g. "Passport", "National ID No.", "Tax ID No."
 * @param country issuing country as written (may be null)
 */
public record Identifier(String type, String number, String country) {
}
