package io.kycflow.screening.match;

import io.kycflow.screening.model.EntityName;

/** One name of one loaded entity, prepared for scoring. */
record IndexedName(int entity, EntityName name, PreparedName prepared) {
}
