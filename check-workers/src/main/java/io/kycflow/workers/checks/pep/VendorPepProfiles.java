package io.kycflow.workers.checks.pep;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.screening.load.ListInfo;
import io.kycflow.screening.load.LoadedList;
import io.kycflow.screening.match.Hit;
import io.kycflow.screening.match.MatchRating;
import io.kycflow.screening.match.MatchTuning;
import io.kycflow.screening.match.PairScore;
import io.kycflow.screening.match.PairScorer;
import io.kycflow.screening.match.Query;
import io.kycflow.screening.match.RatingThresholds;
import io.kycflow.screening.match.Screener;
import io.kycflow.screening.model.AliasQuality;
import io.kycflow.screening.model.BirthDate;
import io.kycflow.screening.model.Countries;
import io.kycflow.screening.model.EntityName;
import io.kycflow.screening.model.EntityType;
import io.kycflow.screening.model.NameType;
import io.kycflow.screening.model.PepRole;
import io.kycflow.screening.model.SanctionedEntity;
import io.kycflow.screening.model.Topics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The vendor's {@code potential_pep_hits} (reference §4.3: PEPProfile {full_name, aliases, date_of_birth,
 * associated_countries, pep_title, pep_type, pep_status, roles[{name, country, start_date, end_date}]}), when the
 * kyc_schema carries them under {@code pep_screening_check.vendor_data} (or directly under
 * {@code pep_screening_check}). Each profile is adjudicated against the subject with the same matcher as the
 * lists (name, date of birth, countries), so a vendor's loose candidate becomes STRONG, PARTIAL, WEAK or
 * NO_MATCH with the reasons.
 */
final class VendorPepProfiles {

    static final String SECTION = "pep_screening_check";
    static final String LIST_ID = "vendor";

    /** One profile's verdict; {@code hit} is empty when no name came near the subject's (NO_MATCH). */
    record Adjudication(int index, String fullName, Optional<Hit> hit, MatchRating rating, String explanation,
                        SanctionedEntity entity) {
    }

    private VendorPepProfiles() {
    }

    static List<JsonNode> profiles(JsonNode subject) {
        JsonNode section = subject == null ? null : subject.get(SECTION);
        if (section == null || !section.isObject()) {
            return List.of();
        }
        JsonNode hits = section.path("vendor_data").get("potential_pep_hits");
        if (hits == null) {
            hits = section.get("potential_pep_hits");
        }
        List<JsonNode> out = new ArrayList<>();
        if (hits != null && hits.isArray()) {
            hits.forEach(h -> {
                if (h.isObject() && h.hasNonNull("full_name") && !h.get("full_name").asText().isBlank()) {
                    out.add(h);
                }
            });
        }
        return out;
    }

    static List<Adjudication> adjudicate(List<JsonNode> profiles, Query subject, RatingThresholds thresholds) {
        if (profiles.isEmpty()) {
            return List.of();
        }
        List<SanctionedEntity> entities = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            entities.add(entity(i, profiles.get(i)));
        }
        ListInfo info = new ListInfo(LIST_ID, "potential PEP hits supplied in the kyc_schema", "request", null,
                entities.size(), null, Map.of(), "", Instant.EPOCH);
        // The matcher over just these profiles: every token is rare among them, so names weigh uniformly.
        Screener screener = Screener.of(List.of(new LoadedList(info, entities)), MatchTuning.DEFAULT, thresholds,
                entities.size());
        List<Hit> hits = screener.screen(subject).hits();
        PairScorer pairs = new PairScorer();
        List<Adjudication> out = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            SanctionedEntity e = entities.get(i);
            Optional<Hit> hit = hits.stream().filter(h -> h.entityId().equals(e.id())).findFirst();
            if (hit.isPresent()) {
                out.add(new Adjudication(i, e.primaryName(), hit, thresholds.rate(hit.get().score()),
                        hit.get().explanation().describe(), e));
            } else {
                PairScore best = e.names().stream().map(n -> pairs.score(subject.name(), n.fullName(), "Person"))
                        .max(java.util.Comparator.comparingDouble(PairScore::score)).orElseThrow();
                out.add(new Adjudication(i, e.primaryName(), Optional.empty(), MatchRating.NO_MATCH,
                        String.format(Locale.ROOT, "Vendor profile \"%s\": best name score %.2f, below the weak-match "
                                + "threshold after date of birth and country were weighed; not the subject",
                                e.primaryName(), best.score()), e));
            }
        }
        return out;
    }

    private static SanctionedEntity entity(int index, JsonNode p) {
        List<EntityName> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        addName(names, seen, p.get("full_name").asText(), NameType.PRIMARY);
        for (JsonNode alias : p.path("aliases")) {
            if (alias.isTextual() && !alias.asText().isBlank()) {
                addName(names, seen, alias.asText(), NameType.AKA);
            }
        }
        List<BirthDate> births = new ArrayList<>();
        date(p.path("date_of_birth").asText(null), false).ifPresent(d -> births.add(
                p.path("date_of_birth").asText().strip().length() == 4 ? BirthDate.year(d.getYear()) : BirthDate.exact(d)));
        List<String> countries = new ArrayList<>();
        for (JsonNode c : p.path("associated_countries")) {
            if (c.isTextual() && !c.asText().isBlank()) {
                countries.add(Countries.codeOrText(c.asText()));
            }
        }
        List<PepRole> roles = new ArrayList<>();
        for (JsonNode r : p.path("roles")) {
            String name = r.path("name").asText("");
            if (!name.isBlank()) {
                String country = r.path("country").isTextual() ? Countries.codeOrText(r.path("country").asText()) : null;
                roles.add(new PepRole(name, country, date(r.path("start_date").asText(null), false).orElse(null),
                        date(r.path("end_date").asText(null), true).orElse(null)));
            }
        }
        if (roles.isEmpty() && p.hasNonNull("pep_title") && !p.get("pep_title").asText().isBlank()) {
            roles.add(new PepRole(p.get("pep_title").asText(), countries.isEmpty() ? null : countries.get(0), null, null));
        }
        return new SanctionedEntity(LIST_ID + ":" + (index + 1), LIST_ID, EntityType.PERSON, names, births, List.of(),
                countries, List.of(), List.of(), List.of(), null, null, List.of(Topics.PEP), roles);
    }

    private static void addName(List<EntityName> names, Set<String> seen, String text, NameType type) {
        if (seen.add(text.strip().toLowerCase(Locale.ROOT))) {
            names.add(new EntityName(text, names.isEmpty() ? NameType.PRIMARY : type, AliasQuality.STRONG, null));
        }
    }

    /** "YYYY-MM-DD", "YYYY-MM" or "YYYY"; a bare year ends on its last day when it is an end date. */
    private static Optional<LocalDate> date(String text, boolean end) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            if (t.matches("\\d{4}")) {
                int y = Integer.parseInt(t);
                return Optional.of(end ? LocalDate.of(y, 12, 31) : LocalDate.of(y, 1, 1));
            }
            if (t.matches("\\d{4}-\\d{2}")) {
                LocalDate first = LocalDate.parse(t + "-01");
                return Optional.of(end ? first.withDayOfMonth(first.lengthOfMonth()) : first);
            }
            return Optional.of(LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
