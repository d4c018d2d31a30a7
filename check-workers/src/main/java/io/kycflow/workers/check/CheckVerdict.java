package io.kycflow.workers.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What a check concluded: passed or not, a one-line {@code answer}, an {@code explanation} a compliance
 * officer can read, the typed {@code payload} ({@code {"type": "...Result", …}}) and the evidence.
 */
public record CheckVerdict(boolean passed, String answer, String explanation, JsonNode payload, List<JsonNode> evidence) {

    public CheckVerdict {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
