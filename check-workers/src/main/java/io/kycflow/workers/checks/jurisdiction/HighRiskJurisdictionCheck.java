package io.kycflow.workers.checks.jurisdiction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.agent.CheckCatalog;
import io.kycflow.common.command.CheckTask;
import io.kycflow.common.job.RiskRating;
import io.kycflow.workers.check.Check;
import io.kycflow.workers.check.CheckUnavailableException;
import io.kycflow.workers.check.CheckVerdict;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code kyc.high_risk_jurisdiction_check}: the subject's nationality, residence and address countries (and an
 * address's state or city, for sanctioned regions such as Crimea) against the dated jurisdiction data. The
 * payload's {@code risk_level} is the highest risk of any finding ({@code low} with none), which the agent's
 * risk rules read; the check fails at {@code fail_on_risk} (agent argument, {@code high} by default). A subject
 * with no country at all is an error, not a pass: nothing was checked.
 */
public final class HighRiskJurisdictionCheck implements Check {

    static final String PAYLOAD_TYPE = "KYCHighRiskJurisdictionCheckResult";
    static final String FAIL_ON_RISK = "fail_on_risk";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final JurisdictionData data;

    public HighRiskJurisdictionCheck(JurisdictionData data) {
        this.data = data;
    }

    @Override
    public String id() {
        return CheckCatalog.HIGH_RISK_JURISDICTION;
    }

    @Override
    public CheckVerdict run(CheckTask task) throws CheckUnavailableException {
        RiskRating failOn = failOn(task.args());
        JsonNode subject = task.subject();
        JsonNode self = subject == null ? null : subject.get("self_attested_data");
        if (self == null || !self.isObject()) {
            throw new CheckUnavailableException("no_subject_data", "The subject has no self-attested data to check.");
        }
        List<SubjectPlace> places = SubjectPlace.of(self);
        if (places.isEmpty()) {
            throw new CheckUnavailableException("no_countries",
                    "The subject gave no nationality, residence or address country, so no jurisdiction could be checked.");
        }
        List<JurisdictionFinding> findings = new ArrayList<>();
        for (SubjectPlace place : places) {
            for (JurisdictionList list : data.lists()) {
                findingFor(place, list).ifPresent(findings::add);
            }
        }
        RiskRating level = findings.stream().map(JurisdictionFinding::risk).reduce(RiskRating.LOW, RiskRating::max);
        boolean passed = level.compareTo(failOn) < 0;
        return new CheckVerdict(passed, answer(findings, level), explanation(places, findings, level, failOn),
                payload(places, findings, level, passed), List.of(provenance()));
    }

    private static java.util.Optional<JurisdictionFinding> findingFor(SubjectPlace place, JurisdictionList list) {
        if (place.countryCode() != null && list.countries().contains(place.countryCode())) {
            return java.util.Optional.of(new JurisdictionFinding(place.field(), place.countryCode(), list, null));
        }
        for (JurisdictionList.Region region : list.regions()) {
            boolean sameCountry = place.countryCode() == null || place.countryCode().equals(region.country())
                    || region.alsoWrittenAs().contains(place.countryCode());
            if (sameCountry && (names(region, place.state()) || names(region, place.city()))) {
                return java.util.Optional.of(new JurisdictionFinding(place.field(),
                        place.countryCode() == null ? region.country() : place.countryCode(), list, region));
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether an address part names the region: one of its names, or its ISO 3166-2 code, ignoring case and accents. */
    private static boolean names(JurisdictionList.Region region, String text) {
        if (text == null) {
            return false;
        }
        String key = key(text);
        if (key.equals(key(region.code()))) {
            return true;
        }
        return region.aliases().stream().map(HighRiskJurisdictionCheck::key)
                .anyMatch(alias -> key.equals(alias) || key.equals(alias + " oblast") || key.equals("city of " + alias));
    }

    private static String key(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static RiskRating failOn(JsonNode args) throws CheckUnavailableException {
        JsonNode value = args == null ? null : args.get(FAIL_ON_RISK);
        if (value == null || value.isNull()) {
            return RiskRating.HIGH;
        }
        if (value.isTextual() && (value.asText().equals("medium") || value.asText().equals("high"))) {
            return RiskRating.fromWire(value.asText());
        }
        throw new CheckUnavailableException("invalid_arguments",
                "The agent argument " + FAIL_ON_RISK + " must be \"medium\" or \"high\".");
    }

    private ObjectNode payload(List<SubjectPlace> places, List<JurisdictionFinding> findings, RiskRating level,
                               boolean passed) {
        ObjectNode payload = JSON.objectNode();
        payload.put("type", PAYLOAD_TYPE);
        payload.put("risk_level", level.wire());
        ArrayNode found = payload.putArray("findings");
        for (JurisdictionFinding f : findings) {
            ObjectNode n = found.addObject();
            n.put("field", f.field());
            n.put("country_code", f.countryCode());
            if (f.region() != null) {
                n.put("region", f.region().name());
                n.put("region_code", f.region().code());
            }
            n.put("list", f.list().id());
            n.put("list_name", f.list().name());
            n.put("risk", f.risk().wire());
        }
        ArrayNode checked = payload.putArray("places_checked");
        for (SubjectPlace p : places) {
            ObjectNode n = checked.addObject();
            n.put("field", p.field());
            n.put("country_code", p.countryCode());
        }
        payload.set("data", dataNode());
        payload.put("passed", passed);
        return payload;
    }

    private ObjectNode dataNode() {
        ObjectNode n = JSON.objectNode();
        n.put("as_of", data.asOf().toString());
        n.put("source", data.source());
        ArrayNode lists = n.putArray("lists");
        for (JurisdictionList l : data.lists()) {
            lists.addObject().put("id", l.id()).put("name", l.name()).put("publisher", l.publisher())
                    .put("published", l.published().toString()).put("source_url", l.sourceUrl()).put("risk", l.risk().wire());
        }
        return n;
    }

    private ObjectNode provenance() {
        ObjectNode n = dataNode();
        n.put("kind", "jurisdiction_data");
        return n;
    }

    private static String answer(List<JurisdictionFinding> findings, RiskRating level) {
        if (findings.isEmpty()) {
            return "No high-risk jurisdiction among the person's countries.";
        }
        String lists = findings.stream().filter(f -> f.risk() == level).map(f -> f.list().name()).distinct()
                .collect(Collectors.joining("; "));
        String places = findings.stream().filter(f -> f.risk() == level)
                .map(f -> f.region() != null ? f.region().name() : f.countryCode()).distinct()
                .collect(Collectors.joining(", "));
        return (level == RiskRating.HIGH ? "High-risk jurisdiction: " : "Jurisdiction under increased monitoring: ")
                + places + " (" + lists + ").";
    }

    private String explanation(List<SubjectPlace> places, List<JurisdictionFinding> findings, RiskRating level,
                               RiskRating failOn) {
        StringBuilder b = new StringBuilder("Checked ");
        b.append(places.stream().map(p -> p.field().replace('_', ' ')).distinct().collect(Collectors.joining(", ")));
        b.append(" against ");
        b.append(data.lists().stream().map(l -> l.name() + " (published " + l.published() + ")")
                .collect(Collectors.joining(", ")));
        b.append("; data as of ").append(data.asOf()).append(". ");
        if (findings.isEmpty()) {
            b.append("None of the person's countries is listed.");
        } else {
            b.append(findings.stream().map(JurisdictionFinding::describe).collect(Collectors.joining("; "))).append(". ");
            b.append("Risk level ").append(level.wire()).append("; the check fails at ").append(failOn.wire()).append('.');
        }
        return b.toString().strip();
    }
}
