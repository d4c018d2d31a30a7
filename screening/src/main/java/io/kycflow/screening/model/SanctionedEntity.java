package io.kycflow.screening.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One listed target (sanctioned party, PEP…), whatever list it came from. Every parser produces this shape so that matching,
 * explanations and the check never need to know list formats.
 *
 * @param id            the publisher's identifier (OFAC ent_num, UN DATAID, UK Group ID / Unique ID, EU logical id)
 * @param listId        the list it belongs to, e.g. "ofac_sdn", "un", "uk_ofsi"
 * @param names         every name, the primary first
 * @param nationalities ISO alpha-2 codes where derivable, else the text as written; includes citizenships
 * @param gender        "male"/"female" where given, else null
 * @param listedOn      listing date where given, else null
 * @param topics        why it is listed, FtM topics ({@link Topics}): "sanction", "role.pep", "role.rca"…
 * @param roles         public functions of a PEP (empty for others)
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
        LocalDate listedOn,
        List<String> topics,
        List<PepRole> roles) {

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
        topics = List.copyOf(topics);
        roles = List.copyOf(roles);
    }

    /** An entry of a sanctions list (every list in a sanctions format is about sanctions only). */
    public SanctionedEntity(String id, String listId, EntityType type, List<EntityName> names,
                            List<BirthDate> birthDates, List<String> placesOfBirth, List<String> nationalities,
                            List<Address> addresses, List<String> programmes, List<Identifier> identifiers,
                            String gender, LocalDate listedOn) {
        this(id, listId, type, names, birthDates, placesOfBirth, nationalities, addresses, programmes, identifiers,
                gender, listedOn, List.of(Topics.SANCTION), List.of());
    }

    public boolean hasTopic(String topic) {
        return topics.contains(topic);
    }

    public String primaryName() {
        return names.get(0).fullName();
    }
}
