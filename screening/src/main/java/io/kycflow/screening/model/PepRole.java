package io.kycflow.screening.model;

import java.time.LocalDate;

/**
 * A public function that makes someone a politically exposed person, as the list states it.
 *
 * @param title     e.g. "United States Senator for WA", or FtM's {@code position} text
 * @param country   ISO alpha-2 code where known, else null
 * @param startDate when the function began, null when not stated
 * @param endDate   when it ended (or the term ends, possibly in the future), null when not stated
 */
public record PepRole(String title, String country, LocalDate startDate, LocalDate endDate) {
    public PepRole {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a role needs a title");
        }
    }
}
