package io.kycflow.monitoring;

import io.kycflow.screening.load.ListInfo;
import io.kycflow.screening.load.LoadedList;
import io.kycflow.screening.model.BirthDate;
import io.kycflow.screening.model.EntityName;
import io.kycflow.screening.model.EntityType;
import io.kycflow.screening.model.SanctionedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Small hand-made list snapshots for the monitoring tests that need no real list. */
final class Lists {

    private Lists() {
    }

    static SanctionedEntity person(String id, String name, String programme) {
        return new SanctionedEntity(id, "ofac_sdn", EntityType.PERSON, List.of(EntityName.primary(name)),
                List.of(), List.of(), List.of(), List.of(), List.of(programme), List.of(), null, null);
    }

    static SanctionedEntity person(String id, String name, LocalDate born) {
        return new SanctionedEntity(id, "ofac_sdn", EntityType.PERSON, List.of(EntityName.primary(name)),
                List.of(new BirthDate(born.getYear(), born.getYear(), born, false)), List.of(), List.of(), List.of(),
                List.of("SDGT"), List.of(), null, null);
    }

    static LoadedList snapshot(String version, String sha, SanctionedEntity... entities) {
        return new LoadedList(new ListInfo("ofac_sdn", "OFAC SDN (test)", version, LocalDate.parse(version), entities.length,
                sha, Map.of("sdn.csv", sha), "/lists/ofac_sdn/" + version, Instant.parse("2026-01-01T00:00:00Z")),
                List.of(entities));
    }
}
