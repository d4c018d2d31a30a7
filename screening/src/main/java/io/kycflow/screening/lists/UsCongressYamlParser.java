package io.kycflow.screening.lists;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kycflow.screening.model.AliasQuality;
import io.kycflow.screening.model.BirthDate;
import io.kycflow.screening.model.EntityName;
import io.kycflow.screening.model.EntityType;
import io.kycflow.screening.model.NameParts;
import io.kycflow.screening.model.NameType;
import io.kycflow.screening.model.PepRole;
import io.kycflow.screening.model.SanctionedEntity;
import io.kycflow.screening.model.Topics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The unitedstates/congress-legislators files (CC0): {@code legislators-current.yaml} (sitting members of
 * Congress) and {@code executive.yaml} (presidents and vice presidents). Each person is a PEP with one role per
 * run of consecutive terms in the same office, so the PEP check can say whether they are in office and when they
 * left. Names: the official full name, first and last, with the middle name, and the nickname with the last
 * name ("J.D. Vance", "James David Vance", "J.D. Vance").
 */
final class UsCongressYamlParser implements ListParser {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** Terms of the same office that touch (a new Congress starts the day the last ends) make one role. */
    private static final int CONTIGUOUS_DAYS = 31;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Person(Map<String, Object> id, PersonName name, Bio bio, List<Term> terms) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PersonName(String first, String middle, String last, String suffix, String nickname,
                      @com.fasterxml.jackson.annotation.JsonProperty("official_full") String officialFull) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Bio(String birthday, String gender) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Term(String type, String start, String end, String state, String party) {
    }

    private final ListKind kind;

    UsCongressYamlParser(ListKind kind) {
        if (kind != ListKind.US_CONGRESS && kind != ListKind.US_EXECUTIVE) {
            throw new IllegalArgumentException("not a congress-legislators list: " + kind);
        }
        this.kind = kind;
    }

    @Override
    public ListKind kind() {
        return kind;
    }

    @Override
    public ParsedList parse(ListFiles files) throws IOException, ListFormatException {
        Path file = files.primary();
        List<Person> people;
        try (InputStream in = Files.newInputStream(file)) {
            people = YAML.readValue(in, new TypeReference<List<Person>>() { });
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ListFormatException(file, line, "not a congress-legislators YAML list: " + e.getOriginalMessage(), e);
        }
        if (people == null) {
            throw new ListFormatException(file, 0, "empty file");
        }
        List<SanctionedEntity> entities = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            entities.add(entity(file, i, people.get(i)));
        }
        return new ParsedList(kind, entities, null, null);
    }

    private SanctionedEntity entity(Path file, int index, Person p) throws ListFormatException {
        if (p == null || p.name() == null || blank(p.name().last())) {
            throw new ListFormatException(file, 0, "entry " + (index + 1) + " has no last name");
        }
        String id = id(p.id());
        if (id == null) {
            throw new ListFormatException(file, 0, "entry " + (index + 1) + " has neither a bioguide nor a govtrack id");
        }
        List<PepRole> roles = roles(file, id, p.terms() == null ? List.of() : p.terms());
        if (roles.isEmpty()) {
            throw new ListFormatException(file, 0, "entry " + id + " has no term of office");
        }
        List<BirthDate> birth = new ArrayList<>();
        if (p.bio() != null && !blank(p.bio().birthday())) {
            birth.add(BirthDate.exact(date(file, id, p.bio().birthday())));
        }
        String gender = p.bio() == null || p.bio().gender() == null ? null
                : p.bio().gender().equalsIgnoreCase("F") ? "female" : p.bio().gender().equalsIgnoreCase("M") ? "male" : null;
        return new SanctionedEntity(id, kind.id(), EntityType.PERSON, names(p.name()), birth, List.of(), List.of("US"),
                List.of(), List.of(), List.of(), gender, null, List.of(Topics.PEP), roles);
    }

    /** The bioguide id (Congress's own), else "govtrack:<n>": some presidents never sat in Congress. */
    private static String id(Map<String, Object> ids) {
        if (ids == null) {
            return null;
        }
        if (ids.get("bioguide") != null) {
            return ids.get("bioguide").toString();
        }
        return ids.get("govtrack") == null ? null : "govtrack:" + ids.get("govtrack");
    }

    private static List<EntityName> names(PersonName n) {
        NameParts parts = new NameParts(Stream.of(n.first(), n.middle(), n.last()).filter(s -> !blank(s)).toList(), n.last());
        Set<String> texts = new LinkedHashSet<>();
        texts.add(!blank(n.officialFull()) ? n.officialFull() : join(n.first(), n.last()));
        texts.add(join(n.first(), n.last()));
        texts.add(join(n.first(), n.middle(), n.last()));
        texts.add(join(n.first(), n.middle(), n.last(), n.suffix()));
        if (!blank(n.nickname())) {
            texts.add(join(n.nickname(), n.last()));
        }
        List<EntityName> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String t : texts) {
            if (!blank(t) && seen.add(t.toLowerCase(java.util.Locale.ROOT))) {
                names.add(new EntityName(t, names.isEmpty() ? NameType.PRIMARY : NameType.AKA, AliasQuality.STRONG, parts));
            }
        }
        return names;
    }

    private static List<PepRole> roles(Path file, String id, List<Term> terms) throws ListFormatException {
        List<PepRole> roles = new ArrayList<>();
        String title = null;
        LocalDate start = null;
        LocalDate end = null;
        for (Term t : terms.stream().filter(Objects::nonNull).sorted((a, b) -> String.valueOf(a.start()).compareTo(String.valueOf(b.start()))).toList()) {
            String office = office(t);
            LocalDate s = blank(t.start()) ? null : date(file, id, t.start());
            LocalDate e = blank(t.end()) ? null : date(file, id, t.end());
            if (office.equals(title) && end != null && s != null && !s.isAfter(end.plusDays(CONTIGUOUS_DAYS))) {
                end = e;
                continue;
            }
            if (title != null) {
                roles.add(new PepRole(title, "US", start, end));
            }
            title = office;
            start = s;
            end = e;
        }
        if (title != null) {
            roles.add(new PepRole(title, "US", start, end));
        }
        return roles;
    }

    private static String office(Term t) {
        String type = t.type() == null ? "" : t.type();
        return switch (type) {
            case "sen" -> "United States Senator" + (blank(t.state()) ? "" : " for " + t.state());
            case "rep" -> "Member of the United States House of Representatives" + (blank(t.state()) ? "" : " for " + t.state());
            case "prez" -> "President of the United States";
            case "viceprez" -> "Vice President of the United States";
            default -> "United States federal office (" + type + ")";
        };
    }

    private static LocalDate date(Path file, String id, String text) throws ListFormatException {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ListFormatException(file, 0, "entry " + id + ": not a date: " + text);
        }
    }

    private static String join(String... parts) {
        return Stream.of(parts).filter(s -> !blank(s)).map(String::strip).collect(Collectors.joining(" "));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
