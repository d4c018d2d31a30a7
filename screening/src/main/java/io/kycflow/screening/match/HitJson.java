package io.kycflow.screening.match;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.screening.model.SanctionedEntity;

import java.util.Locale;

/**
 * The one JSON shape of a hit outside a check's payload: what {@code kycflow screen} writes per line and what
 * {@code POST /api/v1/screen} answers, so a result read in one place reads the same in the other.
 */
public final class HitJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HitJson() {
    }

    /** entity_id, list, name, matched_name, score (4 decimals), match, and the explanation when asked. */
    public static ObjectNode of(Hit hit, boolean explain) {
        ObjectNode n = NODES.objectNode();
        n.put("entity_id", hit.entityId());
        n.put("list", hit.listId());
        n.put("name", hit.primaryName());
        n.put("matched_name", hit.matchedName());
        n.put("score", Math.round(hit.score() * 10_000) / 10_000.0);
        n.put("match", hit.rating().name());
        if (explain) {
            n.put("explanation", hit.explanation().describe());
        }
        return n;
    }

    /** As {@link #of}, with what a reviewer needs to tell the listed party apart: type, dates, countries, programmes. */
    public static ObjectNode withEntity(Hit hit) {
        ObjectNode n = of(hit, true);
        SanctionedEntity e = hit.entity();
        ObjectNode entity = n.putObject("entity");
        entity.put("type", e.type().name().toLowerCase(Locale.ROOT));
        e.birthDates().forEach(b -> entity.withArray("birth_dates").add(b.toString()));
        e.nationalities().forEach(c -> entity.withArray("nationalities").add(c));
        e.programmes().forEach(p -> entity.withArray("programs").add(p));
        e.topics().forEach(t -> entity.withArray("topics").add(t));
        if (e.listedOn() != null) {
            entity.put("listed_on", e.listedOn().toString());
        }
        return n;
    }
}
