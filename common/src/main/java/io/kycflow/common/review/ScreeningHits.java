package io.kycflow.common.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.Job;
import io.kycflow.common.monitoring.MonitoringAlert;

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

    /**
     * A reviewable hit of the job: one of its checks' hits, or (check id {@link MonitoringAlert#CHECK_ID}) the list
     * entry of one of its monitoring alerts, the latest alert on that entry naming the list and matched name.
     */
    public static Optional<ScreeningHit> findOnJob(Job job, String checkId, String hitId) {
        if (!MonitoringAlert.CHECK_ID.equals(checkId)) {
            return find(job.checkResults(), checkId, hitId);
        }
        MonitoringAlert latest = null;
        for (MonitoringAlert alert : job.monitoring().alerts()) {
            if (alert.entityId().equals(hitId)) {
                latest = alert;
            }
        }
        return Optional.ofNullable(latest).map(a -> new ScreeningHit(MonitoringAlert.CHECK_ID, a.entityId(), a.listId(),
                a.matchedName(), null));
    }

    /** Whether a review may name {@code checkId} on this job: one of its checks, or its monitoring once it alerted. */
    public static boolean hasCheck(Job job, String checkId) {
        return MonitoringAlert.CHECK_ID.equals(checkId) ? !job.monitoring().alerts().isEmpty()
                : job.checkResults().stream().anyMatch(r -> r.commandId().equals(checkId));
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
