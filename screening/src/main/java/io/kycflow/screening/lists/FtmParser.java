package io.kycflow.screening.lists;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kycflow.screening.model.AliasQuality;
import io.kycflow.screening.model.BirthDate;
import io.kycflow.screening.model.Countries;
import io.kycflow.screening.model.EntityName;
import io.kycflow.screening.model.EntityType;
import io.kycflow.screening.model.Identifier;
import io.kycflow.screening.model.NameType;
import io.kycflow.screening.model.PepRole;
import io.kycflow.screening.model.SanctionedEntity;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FollowTheMoney entity files as OpenSanctions publishes them and yente loads them: {@code entities.ftm.json}
 * (one entity a line) and, for versioned datasets, {@code delta.json} (the index of versions) with one
 * {@code <version>/entities.delta.json} per version ({@code ADD}/{@code MOD} carry the whole entity, {@code DEL}
 * its id). The full file, where present, is the base; the deltas found are replayed on it in version order.
 *
 * <p>Only parties are kept (Person, Organization, Company, LegalEntity, PublicBody, Vessel, Airplane): addresses,
 * sanctions, ownerships and other link entities have no name to screen. Every name, alias and previous name is
 * indexed, in every script ("Владимир Николаевич ПЛОТНИКОВ" as well as its Latin spelling), so a query in either
 * matches directly; {@code weakAlias} is a low-quality alias. {@code topics} travel with the entity: the
 * sanctions check screens "sanction", the PEP check "role.pep" and "role.rca".
 */
final class FtmParser implements ListParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSION_DATE = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})");
    private static final Set<String> PERSON_SCHEMAS = Set.of("Person");
    private static final Set<String> ORGANISATION_SCHEMAS = Set.of("Organization", "Company", "PublicBody");
    private static final Set<String> VESSEL_SCHEMAS = Set.of("Vessel");
    private static final Set<String> AIRCRAFT_SCHEMAS = Set.of("Airplane");
    private static final Set<String> UNKNOWN_PARTY_SCHEMAS = Set.of("LegalEntity");

    @Override
    public ListKind kind() {
        return ListKind.FTM;
    }

    @Override
    public ParsedList parse(ListFiles files) throws IOException, ListFormatException {
        Optional<Path> full = files.get(FileRole.PRIMARY);
        Optional<Path> index = files.get(FileRole.DELTA_INDEX);
        if (full.isEmpty() && index.isEmpty()) {
            throw new IllegalArgumentException("an FtM snapshot needs entities.ftm.json or delta.json: " + files);
        }
        Path folder = full.orElseGet(index::get).toAbsolutePath().getParent();
        String listId = FtmDataset.listId(folder);
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        if (full.isPresent()) {
            readLines(full.get(), (line, node) -> byId.put(requireId(full.get(), line, node), node));
        }
        List<Path> extra = new ArrayList<>();
        String version = null;
        LocalDate published = null;
        if (index.isPresent()) {
            Delta applied = applyDeltas(index.get(), byId, extra);
            version = applied.version();
            published = applied.published();
        }
        List<SanctionedEntity> entities = new ArrayList<>();
        for (JsonNode node : byId.values()) {
            entity(listId, node).ifPresent(entities::add);
        }
        return new ParsedList(ListKind.FTM, entities, published, version, extra);
    }

    private record Delta(String version, LocalDate published) {
    }

    /**
     * Replays each version's delta found under the index's folder, oldest first. Versions before the first
     * one present are taken to be in the base file; a version missing after one that is present is a gap,
     * and a list with a gap is refused rather than served incomplete.
     */
    private static Delta applyDeltas(Path indexFile, Map<String, JsonNode> byId, List<Path> read)
            throws IOException, ListFormatException {
        JsonNode index;
        try {
            index = JSON.readTree(indexFile.toFile());
        } catch (JsonProcessingException e) {
            throw new ListFormatException(indexFile, lineOf(e), "not an FtM delta index: " + e.getOriginalMessage(), e);
        }
        JsonNode versions = index == null ? null : index.get("versions");
        if (versions == null || !versions.isObject()) {
            throw new ListFormatException(indexFile, 0, "an FtM delta index needs a \"versions\" object");
        }
        TreeMap<String, Path> ordered = new TreeMap<>();
        for (Iterator<String> it = versions.fieldNames(); it.hasNext(); ) {
            String v = it.next();
            if (!v.matches("[A-Za-z0-9_.-]+")) {
                throw new ListFormatException(indexFile, 0, "version id " + v + " is not a plain folder name");
            }
            ordered.put(v, indexFile.getParent().resolve(v).resolve("entities.delta.json"));
        }
        String applied = null;
        for (Map.Entry<String, Path> e : ordered.entrySet()) {
            Path delta = e.getValue();
            if (!Files.isRegularFile(delta)) {
                if (applied != null) {
                    throw new ListFormatException(indexFile, 0, "version " + e.getKey()
                            + " is listed but " + delta + " is missing, after version " + applied + " was found");
                }
                continue;
            }
            readLines(delta, (line, node) -> {
                JsonNode op = node.get("op");
                JsonNode entity = node.get("entity");
                if (op == null || entity == null || !entity.isObject()) {
                    throw new ListFormatException(delta, line, "a delta line needs \"op\" and \"entity\"");
                }
                String id = requireId(delta, line, entity);
                switch (op.asText()) {
                    case "ADD", "MOD" -> byId.put(id, entity);
                    case "DEL" -> byId.remove(id);
                    default -> throw new ListFormatException(delta, line, "unknown delta op " + op.asText());
                }
            });
            read.add(delta);
            applied = e.getKey();
        }
        if (applied == null) {
            throw new ListFormatException(indexFile, 0, "none of the listed versions has its entities.delta.json here");
        }
        Matcher m = VERSION_DATE.matcher(applied);
        LocalDate published = null;
        if (m.find()) {
            try {
                published = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException ignored) {
                // a version id that only looks like a date: the loader falls back to the folder date
            }
        }
        return new Delta(applied, published);
    }

    @FunctionalInterface
    private interface LineHandler {
        void accept(long line, JsonNode node) throws ListFormatException;
    }

    private static void readLines(Path file, LineHandler handler) throws IOException, ListFormatException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            long line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new ListFormatException(file, line, "not a JSON object: " + e.getOriginalMessage(), e);
                }
                if (node == null || !node.isObject()) {
                    throw new ListFormatException(file, line, "not a JSON object");
                }
                handler.accept(line, node);
            }
        }
    }

    private static String requireId(Path file, long line, JsonNode node) throws ListFormatException {
        JsonNode id = node.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new ListFormatException(file, line, "an FtM entity needs an \"id\"");
        }
        return id.asText();
    }

    private static Optional<SanctionedEntity> entity(String listId, JsonNode node) {
        String schema = node.path("schema").asText("");
        EntityType type;
        if (PERSON_SCHEMAS.contains(schema)) {
            type = EntityType.PERSON;
        } else if (ORGANISATION_SCHEMAS.contains(schema)) {
            type = EntityType.ORGANISATION;
        } else if (VESSEL_SCHEMAS.contains(schema)) {
            type = EntityType.VESSEL;
        } else if (AIRCRAFT_SCHEMAS.contains(schema)) {
            type = EntityType.AIRCRAFT;
        } else if (UNKNOWN_PARTY_SCHEMAS.contains(schema)) {
            type = EntityType.UNKNOWN;
        } else {
            return Optional.empty(); // Address, Sanction, Ownership…: no party to screen
        }
        JsonNode props = node.path("properties");
        List<EntityName> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        addNames(names, seen, node.path("caption"), NameType.PRIMARY, AliasQuality.STRONG);
        addNames(names, seen, props.path("name"), NameType.PRIMARY_VARIATION, AliasQuality.STRONG);
        addNames(names, seen, props.path("alias"), NameType.AKA, AliasQuality.STRONG);
        addNames(names, seen, props.path("previousName"), NameType.FKA, AliasQuality.STRONG);
        addNames(names, seen, props.path("weakAlias"), NameType.AKA, AliasQuality.WEAK);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<BirthDate> births = new ArrayList<>();
        for (String d : texts(props.path("birthDate"))) {
            birthDate(d).ifPresent(births::add);
        }
        Set<String> countries = new LinkedHashSet<>();
        for (String field : List.of("nationality", "citizenship", "country")) {
            for (String c : texts(props.path(field))) {
                countries.add(Countries.codeOrText(c.length() == 2 ? c.toUpperCase(Locale.ROOT) : c));
            }
        }
        List<String> topics = texts(props.path("topics"));
        List<PepRole> roles = new ArrayList<>();
        String roleCountry = countries.isEmpty() ? null : countries.iterator().next();
        for (String position : texts(props.path("position"))) {
            roles.add(new PepRole(position, roleCountry, null, null));
        }
        List<Identifier> ids = new ArrayList<>();
        List<String> programmes = new ArrayList<>(texts(props.path("programId")));
        String gender = texts(props.path("gender")).stream().findFirst().orElse(null);
        return Optional.of(new SanctionedEntity(node.path("id").asText(), listId, type, names, births,
                texts(props.path("birthPlace")), List.copyOf(countries), List.of(), programmes, ids, gender,
                null, topics, roles));
    }

    private static void addNames(List<EntityName> names, Set<String> seen, JsonNode values, NameType type,
                                 AliasQuality quality) {
        for (String text : texts(values)) {
            if (seen.add(text.strip().toLowerCase(Locale.ROOT))) {
                names.add(new EntityName(text, names.isEmpty() ? NameType.PRIMARY : type, quality, null));
            }
        }
    }

    /** A property's values: FtM properties are arrays of strings; a lone string is read as one value. */
    private static List<String> texts(JsonNode values) {
        List<String> out = new ArrayList<>();
        if (values.isTextual()) {
            values = JSON.createArrayNode().add(values);
        }
        if (values.isArray()) {
            for (JsonNode v : values) {
                if (v.isTextual() && !v.asText().isBlank()) {
                    out.add(v.asText().strip());
                }
            }
        }
        return out;
    }

    /** FtM dates are ISO prefixes: "1961", "1961-11", "1961-11-30". */
    private static Optional<BirthDate> birthDate(String text) {
        try {
            if (text.matches("\\d{4}")) {
                return Optional.of(BirthDate.year(Integer.parseInt(text)));
            }
            if (text.matches("\\d{4}-\\d{2}")) {
                return Optional.of(BirthDate.year(Integer.parseInt(text.substring(0, 4))));
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                return Optional.of(BirthDate.exact(LocalDate.parse(text.substring(0, 10))));
            }
        } catch (DateTimeParseException | NumberFormatException ignored) {
            // an unreadable date says nothing; the name is still screened
        }
        return Optional.empty();
    }

    private static long lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }
}
