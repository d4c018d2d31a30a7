package io.kycflow.screening.match;

import io.kycflow.screening.model.SanctionedEntity;

/**
 * One listed entity the query may be.
 *
 * @param matchedName the entity name (primary or alias) that scored best
 * @param entity      the full list entry, for display and for the check's payload
 */
public record Hit(String entityId, String listId, String primaryName, String matchedName, double score,
                  MatchRating rating, HitExplanation explanation, SanctionedEntity entity) {
}
