package io.kycflow.workers.checks.sanctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.screening.load.ListInfo;
import io.kycflow.screening.load.ListProvenanceJson;
import io.kycflow.screening.match.Hit;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.workers.check.CheckVerdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes the check's verdict from the rated hits: the typed payload the agent's rules read, a one-line answer
 * and an explanation a compliance officer can check against the list entries (which list, which alias, what
 * score, what the date of birth did). Per DESIGN §5: a STRONG hit fails, a PARTIAL hit fails so that a person
 * reviews it, WEAK hits are shown and leave the check passed.
 */
final class SanctionsVerdict {

    static final String PAYLOAD_TYPE = "KYCSanctionsScreeningCheckResult";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SanctionsVerdict() {
    }

    static CheckVerdict of(List<RatedHit> hits, List<ListInfo> lists) {
        boolean strong = hits.stream().anyMatch(h -> h.rating() == MatchRating.STRONG_MATCH);
        boolean passed = hits.stream().noneMatch(h -> h.rating().isMatch());
        boolean corroborated = hits.stream()
                .anyMatch(h -> h.rating() == MatchRating.STRONG_MATCH && h.dobCorroborated());

        ObjectNode payload = JSON.objectNode();
        payload.put("type", PAYLOAD_TYPE);
        ArrayNode verified = payload.putArray("verified_sanctions_hits");
        hits.forEach(h -> verified.add(hitNode(h)));
        ArrayNode listNodes = payload.putArray("lists");
        lists.forEach(l -> listNodes.add(ListProvenanceJson.summary(l)));
        payload.put("strong_match_corroborated", corroborated);
        payload.put("passed", passed);

        List<JsonNode> evidence = new ArrayList<>();
        lists.forEach(l -> evidence.add(ListProvenanceJson.full(l, "sanctions_list")));
        return new CheckVerdict(passed, answer(hits, strong, passed, lists), explanation(hits, lists), payload, evidence);
    }

    private static ObjectNode hitNode(RatedHit rated) {
        Hit hit = rated.hit();
        ObjectNode n = JSON.objectNode();
        n.put("entity_id", hit.entityId());
        n.put("list", hit.listId());
        n.put("full_name", hit.primaryName());
        n.put("matched_name", hit.matchedName());
        n.put("score", round(hit.score()));
        ArrayNode programs = n.putArray("programs");
        hit.entity().programmes().forEach(programs::add);
        ObjectNode rating = n.putObject("profile_review").putObject("match_rating");
        rating.put("match", rated.rating().name());
        rating.put("explanation", rated.describe());
        n.put("dob_corroborated", rated.dobCorroborated());
        return n;
    }

    private static String answer(List<RatedHit> hits, boolean strong, boolean passed, List<ListInfo> lists) {
        if (strong) {
            RatedHit top = first(hits, MatchRating.STRONG_MATCH);
            return "Strong sanctions match: " + summary(top) + ".";
        }
        if (!passed) {
            RatedHit top = first(hits, MatchRating.PARTIAL_MATCH);
            return "Possible sanctions match, to review: " + summary(top) + ".";
        }
        String screened = lists.stream().map(ListInfo::listId).collect(Collectors.joining(", "));
        if (hits.isEmpty()) {
            return "No sanctions match on " + screened + ".";
        }
        return "No sanctions match requiring action on " + screened + " (" + hits.size()
                + " weak similarit" + (hits.size() == 1 ? "y" : "ies") + " shown for information).";
    }

    private static RatedHit first(List<RatedHit> hits, MatchRating rating) {
        return hits.stream().filter(h -> h.rating() == rating).findFirst().orElseThrow();
    }

    private static String summary(RatedHit h) {
        Hit hit = h.hit();
        String alias = hit.matchedName().equals(hit.primaryName()) ? "" : " through the name \"" + hit.matchedName() + "\"";
        return String.format(Locale.ROOT, "%s entry %s \"%s\"%s, score %.2f, date of birth %s", hit.listId(),
                hit.entityId(), hit.primaryName(), alias, hit.score(), h.dateOfBirthEffect());
    }

    private static String explanation(List<RatedHit> hits, List<ListInfo> lists) {
        StringBuilder b = new StringBuilder("Screened against ");
        b.append(lists.stream().map(l -> String.format(Locale.ROOT, "%s version %s (%d records, sha256 %s)",
                l.listId(), l.version(), l.recordCount(), shortHash(l.sha256()))).collect(Collectors.joining(", ")));
        b.append(". ");
        if (hits.isEmpty()) {
            b.append("No listed name scored at or above the weak-match threshold.");
        }
        for (int i = 0; i < hits.size(); i++) {
            RatedHit h = hits.get(i);
            List<String> programmes = h.hit().entity().programmes();
            b.append(String.format(Locale.ROOT, "%d. %s: %s entry %s \"%s\"%s. %s. ", i + 1, h.rating(),
                    h.hit().listId(), h.hit().entityId(), h.hit().primaryName(),
                    programmes.isEmpty() ? "" : " (programmes " + String.join(", ", programmes) + ")", h.describe()));
        }
        b.append(" A strong match fails the check, a partial match asks for review, weak matches do not act.");
        return b.toString().replace(".  ", ". ").strip();
    }

    private static String shortHash(String sha256) {
        return sha256 == null || sha256.length() < 12 ? String.valueOf(sha256) : sha256.substring(0, 12) + "…";
    }

    private static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
