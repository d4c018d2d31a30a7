package io.kycflow.screening.load;

import io.kycflow.screening.model.SanctionedEntity;

import java.util.List;

/** A list read successfully, with its provenance. */
public record LoadedList(ListInfo info, List<SanctionedEntity> entities) {
    public LoadedList {
        entities = List.copyOf(entities);
    }
}
