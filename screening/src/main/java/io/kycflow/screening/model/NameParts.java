package io.kycflow.screening.model;

import java.util.List;

/**
 * Name parts where the publisher gives them separately.
 *
 * @param parts      the parts in the publisher's order (UN FIRST..FOURTH_NAME, UK Name 1..5 then Name 6)
 * @param familyName the surname when the publisher marks it (UK Name 6, OFAC text before the comma), else null
 */
public record NameParts(List<String> parts, String familyName) {
    public NameParts {
        parts = List.copyOf(parts);
    }
}
