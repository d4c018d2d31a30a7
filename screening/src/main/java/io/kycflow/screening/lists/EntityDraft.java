package io.kycflow.screening.lists;

import io.kycflow.screening.model.Address;
import io.kycflow.screening.model.AliasQuality;
import io.kycflow.screening.model.BirthDate;
import io.kycflow.screening.model.EntityName;
import io.kycflow.screening.model.EntityType;
import io.kycflow.screening.model.Identifier;
import io.kycflow.screening.model.NameType;
import io.kycflow.screening.model.SanctionedEntity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A mutable entity being assembled from several rows or files (OFAC's four files, UK's one row per name,
 * EU's one row per sub-record); turned into the immutable {@link SanctionedEntity} once complete.
 * Duplicate names, dates and nationalities are dropped on the way.
 */
final class EntityDraft {
    final String id;
    final String listId;
    EntityType type = EntityType.UNKNOWN;
    final List<EntityName> names = new ArrayList<>();
    private final Set<String> nameKeys = new LinkedHashSet<>();
    final Set<BirthDate> birthDates = new LinkedHashSet<>();
    final Set<String> placesOfBirth = new LinkedHashSet<>();
    final Set<String> nationalities = new LinkedHashSet<>();
    final Set<Address> addresses = new LinkedHashSet<>();
    final Set<String> programmes = new LinkedHashSet<>();
    final Set<Identifier> identifiers = new LinkedHashSet<>();
    String gender;
    LocalDate listedOn;

    EntityDraft(String id, String listId) {
        this.id = id;
        this.listId = listId;
    }

    void addName(EntityName name) {
        String key = name.fullName().toLowerCase(Locale.ROOT);
        if (nameKeys.add(key)) {
            names.add(name);
        } else if (name.type() == NameType.PRIMARY) {
            // The primary name must come first even when an alias row with the same text came earlier.
            names.removeIf(n -> n.fullName().equalsIgnoreCase(name.fullName()));
            names.add(0, name);
        }
    }

    void addName(String fullName, NameType type, AliasQuality quality) {
        if (fullName != null && !fullName.isBlank()) {
            addName(new EntityName(fullName, type, quality, null));
        }
    }

    void addIfPresent(Set<String> target, String value) {
        if (value != null && !value.isBlank()) {
            target.add(value.strip());
        }
    }

    boolean hasNames() {
        return !names.isEmpty();
    }

    SanctionedEntity build() {
        List<EntityName> ordered = new ArrayList<>(names);
        // Keep the primary name first: rows may arrive with aliases before the primary.
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).type() == NameType.PRIMARY) {
                ordered.add(0, ordered.remove(i));
                break;
            }
        }
        return new SanctionedEntity(id, listId, type, ordered, List.copyOf(birthDates), List.copyOf(placesOfBirth),
                List.copyOf(nationalities), List.copyOf(addresses), List.copyOf(programmes),
                List.copyOf(identifiers), gender, listedOn);
    }
}
