package io.kycflow.workers.checks.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.workers.check.CheckVerdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the check's verdict from the reviewed profiles. The payload follows the reference API's adverse-media
 * result ({@code verified_adverse_media_hits} with {@code profile_review.match_rating} and {@code adverse_events}),
 * for a person; profiles that are not the subject are listed apart with the reason. The check fails when a
 * PARTIAL or STRONG match reports an adverse event; {@code strong_match_serious_adverse_media} is what the
 * agent's rules read to act on a strong match with serious media.
 */
final class AdverseMediaVerdict {

    static final String PAYLOAD_TYPE = "KYCAdverseMediaScreeningCheckResult";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Comparator<ReviewedProfile> STRONGEST_FIRST = Comparator
            .comparing((ReviewedProfile p) -> p.rating().ordinal())
            .thenComparing(p -> -p.match().nameScore());

    private AdverseMediaVerdict() {
    }

    static CheckVerdict of(AdverseMediaSource.Found found, List<ReviewedProfile> reviewed, Set<AdverseMediaCategory> serious) {
        List<ReviewedProfile> hits = reviewed.stream().filter(p -> p.rating() != MatchRating.NO_MATCH)
                .sorted(STRONGEST_FIRST).toList();
        List<ReviewedProfile> dismissed = reviewed.stream().filter(p -> p.rating() == MatchRating.NO_MATCH).toList();
        boolean strongSerious = hits.stream()
                .anyMatch(p -> p.rating() == MatchRating.STRONG_MATCH && p.hasSeriousEvent(serious));
        boolean passed = hits.stream().noneMatch(ReviewedProfile::escalate);

        ObjectNode payload = JSON.objectNode();
        payload.put("type", PAYLOAD_TYPE);
        ArrayNode verified = payload.putArray("verified_adverse_media_hits");
        hits.forEach(h -> verified.add(hitNode(h, serious)));
        ArrayNode dismissedNodes = payload.putArray("dismissed_profiles");
        for (ReviewedProfile d : dismissed) {
            dismissedNodes.addObject().put("profile_id", d.profile().id()).put("full_name", d.profile().fullName())
                    .put("explanation", d.match().explanation());
        }
        payload.put("profiles_reviewed", reviewed.size());
        payload.put("strong_match_serious_adverse_media", strongSerious);
        ArrayNode seriousNode = payload.putArray("serious_categories");
        serious.stream().map(AdverseMediaCategory::wire).sorted().forEach(seriousNode::add);
        payload.set("source", sourceNode(found));
        payload.put("passed", passed);

        ObjectNode evidence = sourceNode(found);
        evidence.put("kind", "adverse_media_source");
        evidence.put("profiles_reviewed", reviewed.size());
        return new CheckVerdict(passed, answer(hits, reviewed.size(), passed, strongSerious, serious),
                explanation(hits, dismissed, serious), payload, List.of(evidence));
    }

    private static ObjectNode sourceNode(AdverseMediaSource.Found found) {
        ObjectNode n = JSON.objectNode();
        n.put("source", found.source());
        n.put("vendor_case_id", found.caseId());
        n.put("search_term", found.searchTerm());
        return n;
    }

    private static ObjectNode hitNode(ReviewedProfile p, Set<AdverseMediaCategory> serious) {
        ObjectNode n = JSON.objectNode();
        n.put("profile_id", p.profile().id());
        n.put("full_name", p.profile().fullName());
        n.put("matched_name", p.match().matchedName());
        ObjectNode review = n.putObject("profile_review");
        ObjectNode rating = review.putObject("match_rating");
        rating.put("match", p.rating().name());
        rating.put("score", round(p.match().nameScore()));
        rating.put("explanation", p.match().explanation());
        review.putObject("name_match").put("score", round(p.match().nameScore()))
                .put("rating", p.match().nameRating().name());
        review.putObject("date_of_birth_match").put("effect", lower(p.match().dateOfBirth().name()))
                .put("detail", p.match().dateOfBirthDetail());
        review.putObject("location_match").put("effect", lower(p.match().countries().name()))
                .put("detail", p.match().countriesDetail());
        ArrayNode events = n.putArray("adverse_events");
        for (AdverseEvent e : p.events()) {
            ObjectNode en = events.addObject();
            en.put("event_type", e.categories().isEmpty() ? null : e.categories().get(0).wire());
            ArrayNode cats = en.putArray("categories");
            e.categories().forEach(c -> cats.add(c.wire()));
            en.put("person_role", e.role().wire());
            en.put("adverse", e.adverse());
            en.put("serious", e.serious(serious));
            en.put("description", e.description());
            en.put("source_url", e.sourceUrl());
            en.put("source_name", e.sourceName());
            en.put("publication_date", e.publicationDate());
            en.put("classified_from", e.classifiedFrom());
        }
        n.put("serious_adverse_media", p.hasSeriousEvent(serious));
        n.put("escalate_for_review", p.escalate());
        return n;
    }

    private static String answer(List<ReviewedProfile> hits, int reviewed, boolean passed, boolean strongSerious,
                                 Set<AdverseMediaCategory> serious) {
        if (strongSerious) {
            ReviewedProfile top = hits.stream()
                    .filter(p -> p.rating() == MatchRating.STRONG_MATCH && p.hasSeriousEvent(serious)).findFirst()
                    .orElseThrow();
            return "Strong adverse-media match with serious media: " + summary(top) + ".";
        }
        if (!passed) {
            ReviewedProfile top = hits.stream().filter(ReviewedProfile::escalate).findFirst().orElseThrow();
            return "Possible adverse-media match, to review: " + summary(top) + ".";
        }
        if (hits.isEmpty()) {
            return reviewed == 0 ? "The vendor found no adverse-media profile for the person."
                    : "None of the " + reviewed + " adverse-media profile(s) is the person.";
        }
        return "No adverse media requiring action (" + reviewed + " profile(s) reviewed; " + hits.size()
                + " weak or without adverse events, shown for information).";
    }

    private static String summary(ReviewedProfile p) {
        Set<String> kinds = new java.util.LinkedHashSet<>();
        Set<String> roles = new java.util.LinkedHashSet<>();
        for (AdverseEvent e : p.events()) {
            if (e.adverse()) {
                e.categories().forEach(c -> kinds.add(c.wire().replace('_', ' ')));
                roles.add(e.role().wire());
            }
        }
        return String.format(Locale.ROOT, "profile %s \"%s\" (%s, name score %.2f): %s; role %s",
                p.profile().id(), p.profile().fullName(), p.rating(), p.match().nameScore(),
                String.join(", ", kinds), String.join(", ", roles));
    }

    private static String explanation(List<ReviewedProfile> hits, List<ReviewedProfile> dismissed,
                                      Set<AdverseMediaCategory> serious) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            ReviewedProfile p = hits.get(i);
            String events = p.events().isEmpty() ? "no events reported"
                    : p.events().stream().map(e -> (e.categories().isEmpty() ? "unclassified"
                            : e.categories().stream().map(AdverseMediaCategory::wire).collect(Collectors.joining("/")))
                            + " (" + e.role().wire() + (e.serious(serious) ? ", serious" : "") + ")")
                    .collect(Collectors.joining(", "));
            parts.add(String.format(Locale.ROOT, "%d. %s: profile %s \"%s\". %s Events: %s.", i + 1, p.rating(),
                    p.profile().id(), p.profile().fullName(), p.match().explanation(), events));
        }
        if (!dismissed.isEmpty()) {
            parts.add(dismissed.size() + " profile(s) dismissed as another person: " + dismissed.stream()
                    .map(d -> d.profile().id() + " (name " + String.format(Locale.ROOT, "%.2f", d.match().nameScore())
                            + ", date of birth " + lower(d.match().dateOfBirth().name()) + ")")
                    .collect(Collectors.joining(", ")) + ".");
        }
        if (parts.isEmpty()) {
            parts.add("The vendor reported no profile.");
        }
        parts.add("A PARTIAL or STRONG match with an adverse event (the person accused, convicted or named, not a "
                + "victim or witness) fails the check; weak matches are shown and do not act.");
        return String.join(" ", parts);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
