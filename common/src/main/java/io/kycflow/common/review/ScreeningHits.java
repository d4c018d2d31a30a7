package io.kycflow.common.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.job.CheckResult;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hits in a check's typed payload, found generically so that every screening check (sanctions today;
 * PEP and adverse media as they come) can be reviewed without this class knowing it: a hit is an object in
 * a top-level array of the payload whose name ends in {@code hits}, named by its list entry id
 * ({@code entity_id}, else {@code id} or {@code hit_id}); its list is {@code list} (else {@code source}) and its
 * name {@code matched_name} (else {@code full_name} or {@code name}).
 */
public final class ScreeningHits {

    /** One hit as a review names it; {@code fields} is the hit object itself, for display. */
    public record ScreeningHit(String checkId, String hitId, String list, String matchedName, JsonNode fields) {
    }

    private ScreeningHits() {
    }

    public static List<ScreeningHit> of(CheckResult result) {
        return of(result.commandId(), result.payload());
    }

    /** The hits of a check's payload as the API renders it ({@code check_results[].payload}). */
    public static List<ScreeningHit> of(String checkId, JsonNode payload) {
        List<ScreeningHit> hits = new ArrayList<>();
        if (payload == null || !payload.isObject()) {
            return hits;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().endsWith("hits") || !field.getValue().isArray()) {
                continue;
            }
            for (JsonNode hit : field.getValue()) {
                String id = text(hit, "entity_id", "id", "hit_id");
                if (hit.isObject() && id != null) {
                    hits.add(new ScreeningHit(checkId, id, text(hit, "list", "source"),
                            text(hit, "matched_name", "full_name", "name"), hit));
                }
            }
        }
        return hits;
    }

    public static Optional<ScreeningHit> find(List<CheckResult> results, String checkId, String hitId) {
        return results.stream().filter(r -> r.commandId().equals(checkId)).findFirst()
                .flatMap(r -> of(r).stream().filter(h -> h.hitId().equals(hitId)).findFirst());
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && (value.isTextual() || value.isNumber()) && !value.asText().isEmpty()) {
                return value.asText();
            }
        }
        return null;
    }
}
