package io.kycflow.screening.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One listed target, whatever list it came from. Every parser produces this shape so that matching,
 * explanations and the check never need to know list formats.
 *
 * @param id            the publisher's identifier (OFAC ent_num, UN DATAID, UK Group ID / Unique ID, EU logical id)
 * @param listId        the list it belongs to, e.g. "ofac_sdn", "un", "uk_ofsi"
 * @param names         every name, the primary first
 * @param nationalities ISO alpha-2 codes where derivable, else the text as written; includes citizenships
 * @param gender        "male"/"female" where given, else null
 * @param listedOn      listing date where given, else null
 */
public record SanctionedEntity(
        String id,
        String listId,
        EntityType type,
        List<EntityName> names,
        List<BirthDate> birthDates,
        List<String> placesOfBirth,
        List<String> nationalities,
        List<Address> addresses,
        List<String> programmes,
        List<Identifier> identifiers,
        String gender,
        LocalDate listedOn) {

    public SanctionedEntity {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("entity " + id + " has no name");
        }
        names = List.copyOf(names);
        birthDates = List.copyOf(birthDates);
        placesOfBirth = List.copyOf(placesOfBirth);
        nationalities = List.copyOf(nationalities);
        addresses = List.copyOf(addresses);
        programmes = List.copyOf(programmes);
        identifiers = List.copyOf(identifiers);
    }

    public String primaryName() {
        return names.get(0).fullName();
    }
}
