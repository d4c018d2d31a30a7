package io.kycflow.workers.checks.pep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.screening.load.ListInfo;
import io.kycflow.screening.load.ListProvenanceJson;
import io.kycflow.screening.match.Hit;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.screening.model.PepRole;
import io.kycflow.workers.check.CheckVerdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The check's verdict in the reference shape ({@code PEPScreeningCheckResult}: {@code verified_pep_hits} with
 * full_name, pep_title, pep_type, pep_status, roles and profile_review.match_rating, and {@code passed}), plus
 * what the agent's rules read: {@code pep_match}, the best rating among hits who are PEPs under the agent's
 * period. {@code passed} is true whenever the check could screen: a PEP is a reason for enhanced due diligence,
 * which the rules decide, not a failed check.
 */
final class PepVerdict {

    static final String PAYLOAD_TYPE = "PEPScreeningCheckResult";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PepVerdict() {
    }

    static CheckVerdict of(List<PepHit> hits, List<VendorPepProfiles.Adjudication> vendor, List<ListInfo> lists,
                           PepPeriod period) {
        MatchRating best = hits.stream().filter(PepHit::countsAsPep).map(PepHit::rating)
                .min(Enum::compareTo).orElse(MatchRating.NO_MATCH);

        ObjectNode payload = JSON.objectNode();
        payload.put("type", PAYLOAD_TYPE);
        ArrayNode verified = payload.putArray("verified_pep_hits");
        hits.forEach(h -> verified.add(hitNode(h, period)));
        payload.put("pep_match", best.name());
        payload.put("pep_period_after_office", period.forLife() ? "for_life" : Integer.toString(period.months()));
        if (!vendor.isEmpty()) {
            ArrayNode adjudicated = payload.putArray("vendor_hits_adjudicated");
            vendor.forEach(a -> {
                ObjectNode n = adjudicated.addObject();
                n.put("index", a.index());
                n.put("full_name", a.fullName());
                ObjectNode rating = n.putObject("profile_review").putObject("match_rating");
                rating.put("match", a.rating().name());
                rating.put("explanation", a.explanation());
            });
        }
        ArrayNode listNodes = payload.putArray("lists");
        lists.forEach(l -> listNodes.add(ListProvenanceJson.summary(l)));
        payload.put("passed", true);

        List<JsonNode> evidence = new ArrayList<>();
        lists.forEach(l -> evidence.add(ListProvenanceJson.full(l, "pep_list")));
        return new CheckVerdict(true, answer(hits, best, lists), explanation(hits, vendor, lists, period), payload, evidence);
    }

    private static ObjectNode hitNode(PepHit h, PepPeriod period) {
        Hit hit = h.hit();
        ObjectNode n = JSON.objectNode();
        n.put("entity_id", hit.entityId());
        n.put("list", hit.listId());
        n.put("source", h.source());
        n.put("full_name", hit.primaryName());
        n.put("matched_name", hit.matchedName());
        n.put("score", Math.round(hit.score() * 10_000) / 10_000.0);
        n.put("pep_title", h.status().current().map(PepRole::title).orElse(null));
        n.put("pep_type", h.pepType());
        n.put("pep_status", h.status().status());
        n.put("left_office_on", h.status().leftOffice() == null ? null : h.status().leftOffice().toString());
        n.put("still_pep", h.status().stillPep());
        ArrayNode roles = n.putArray("roles");
        for (PepRole r : hit.entity().roles()) {
            ObjectNode role = roles.addObject();
            role.put("name", r.title());
            role.put("country", r.country());
            role.put("start_date", r.startDate() == null ? null : r.startDate().toString());
            role.put("end_date", r.endDate() == null ? null : r.endDate().toString());
        }
        ObjectNode rating = n.putObject("profile_review").putObject("match_rating");
        rating.put("match", h.rating().name());
        rating.put("explanation", h.describe(period));
        n.put("dob_corroborated", h.dobCorroborated());
        return n;
    }

    private static String answer(List<PepHit> hits, MatchRating best, List<ListInfo> lists) {
        String screened = lists.stream().map(ListInfo::listId).collect(Collectors.joining(", "));
        if (best == MatchRating.STRONG_MATCH || best == MatchRating.PARTIAL_MATCH) {
            PepHit top = hits.stream().filter(h -> h.countsAsPep() && h.rating() == best).findFirst().orElseThrow();
            return (best == MatchRating.STRONG_MATCH ? "Politically exposed person: " : "Possible politically exposed person, to review: ")
                    + summary(top) + ".";
        }
        long former = hits.stream().filter(h -> h.rating().isMatch() && !h.status().stillPep()).count();
        if (former > 0) {
            return "No current PEP on " + screened + "; " + former + " match" + (former == 1 ? "" : "es")
                    + " with someone who left office before the agent's period.";
        }
        if (hits.isEmpty()) {
            return "No PEP match on " + screened + ".";
        }
        return "No PEP match requiring action on " + screened + " (" + hits.size() + " weak similarit"
                + (hits.size() == 1 ? "y" : "ies") + " shown for information).";
    }

    private static String summary(PepHit h) {
        Hit hit = h.hit();
        return String.format(Locale.ROOT, "%s entry %s \"%s\", %s, %s, score %.2f", hit.listId(), hit.entityId(),
                hit.primaryName(), h.status().current().map(PepRole::title).orElse("role not stated"),
                h.status().status() == null ? "status unknown" : h.status().status(), hit.score());
    }

    private static String explanation(List<PepHit> hits, List<VendorPepProfiles.Adjudication> vendor,
                                      List<ListInfo> lists, PepPeriod period) {
        StringBuilder b = new StringBuilder("Screened against ");
        b.append(lists.stream().map(l -> String.format(Locale.ROOT, "%s version %s (%d records, sha256 %s)",
                l.listId(), l.version(), l.recordCount(), l.sha256() == null ? "-" : l.sha256().substring(0, 12) + "…"))
                .collect(Collectors.joining(", ")));
        if (!vendor.isEmpty()) {
            b.append(", and ").append(vendor.size()).append(" potential PEP hit").append(vendor.size() == 1 ? "" : "s")
                    .append(" supplied with the request");
        }
        b.append(". A person stays a PEP ").append(period.describe()).append(". ");
        if (hits.isEmpty()) {
            b.append("No listed name scored at or above the weak-match threshold. ");
        }
        for (int i = 0; i < hits.size(); i++) {
            PepHit h = hits.get(i);
            b.append(String.format(Locale.ROOT, "%d. %s (%s): %s. ", i + 1, h.rating(), h.source(), h.describe(period)));
        }
        for (VendorPepProfiles.Adjudication a : vendor) {
            if (a.rating() == MatchRating.NO_MATCH) {
                b.append(a.explanation()).append(". ");
            }
        }
        b.append("Being a PEP does not fail the check; the agent's rules decide what a match leads to.");
        return b.toString();
    }
}
