package io.kycflow.screening.lists;

import io.kycflow.screening.model.Address;
import io.kycflow.screening.model.AliasQuality;
import io.kycflow.screening.model.Countries;
import io.kycflow.screening.model.EntityName;
import io.kycflow.screening.model.EntityType;
import io.kycflow.screening.model.NameParts;
import io.kycflow.screening.model.NameType;
import io.kycflow.screening.model.SanctionedEntity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The OFAC legacy CSV set: sdn.csv + add.csv + alt.csv + sdn_comments.csv, and the consolidated (non-SDN)
 * cons_prim/cons_add/cons_alt/cons_comments.csv, which share the layout. No header rows; {@code -0-} means
 * empty; remarks cut at 1,000 characters continue in the comments file.
 */
final class OfacCsvParser implements ListParser {
    static final int PRIMARY_COLUMNS = 12;
    static final int ADDRESS_COLUMNS = 6;
    static final int ALIAS_COLUMNS = 5;
    static final int COMMENT_COLUMNS = 2;

    private final ListKind kind;

    OfacCsvParser(ListKind kind) {
        this.kind = kind;
    }

    @Override
    public ListKind kind() {
        return kind;
    }

    @Override
    public ParsedList parse(ListFiles files) throws IOException, ListFormatException {
        Map<String, String> overflow = new HashMap<>();
        Optional<Path> comments = files.get(FileRole.COMMENTS);
        if (comments.isPresent()) {
            readRows(comments.get(), COMMENT_COLUMNS, true, row -> overflow.merge(row[0], orEmpty(row[1]), String::concat));
        }
        Map<String, EntityDraft> drafts = new LinkedHashMap<>();
        readRows(files.primary(), PRIMARY_COLUMNS, false, row -> drafts.put(row[0], primaryRow(row, overflow.get(row[0]))));
        Optional<Path> aliases = files.get(FileRole.ALIASES);
        if (aliases.isPresent()) {
            readRows(aliases.get(), ALIAS_COLUMNS, false, row -> {
                EntityDraft draft = drafts.get(row[0]);
                if (draft != null && row[3] != null) { // orphans are expected when files come from different days
                    draft.addName(new EntityName(row[3], aliasType(row[2]), AliasQuality.STRONG, partsOf(row[3], draft.type)));
                }
            });
        }
        Optional<Path> addresses = files.get(FileRole.ADDRESSES);
        if (addresses.isPresent()) {
            readRows(addresses.get(), ADDRESS_COLUMNS, false, row -> {
                EntityDraft draft = drafts.get(row[0]);
                if (draft != null) {
                    String text = String.join(", ", Arrays.stream(new String[]{row[2], row[3], row[4]})
                            .filter(s -> s != null).toList());
                    if (!text.isEmpty()) {
                        String country = row[4];
                        draft.addresses.add(new Address(text, country,
                                country == null ? null : Countries.isoCode(country).orElse(null)));
                    }
                }
            });
        }
        List<SanctionedEntity> entities = new ArrayList<>(drafts.size());
        for (EntityDraft d : drafts.values()) {
            entities.add(d.build());
        }
        return new ParsedList(kind, entities, null, null);
    }

    private EntityDraft primaryRow(String[] row, String remarksOverflow) {
        EntityDraft d = new EntityDraft(row[0], kind.id());
        d.type = entityType(row[2]);
        if (row[1] == null) {
            return d;
        }
        d.addName(new EntityName(row[1], NameType.PRIMARY, AliasQuality.STRONG, partsOf(row[1], d.type)));
        if (row[3] != null) {
            for (String p : row[3].split("\\]\\s*\\[")) {
                d.addIfPresent(d.programmes, p.replace("[", "").replace("]", ""));
            }
        }
        String remarks = row[11] == null ? "" : row[11];
        if (remarksOverflow != null) {
            remarks = remarks + remarksOverflow; // the overflow continues mid-word: no separator
        }
        OfacRemarks facts = OfacRemarks.parse(remarks);
        d.birthDates.addAll(facts.birthDates());
        d.placesOfBirth.addAll(facts.placesOfBirth());
        d.nationalities.addAll(facts.nationalities());
        d.identifiers.addAll(facts.identifiers());
        d.gender = facts.gender();
        for (String aka : facts.weakAliases()) {
            d.addName(aka, NameType.AKA, AliasQuality.WEAK);
        }
        if (row[9] != null && d.type == EntityType.VESSEL) {
            d.nationalities.add(Countries.codeOrText(row[9]));
        }
        return d;
    }

    private static NameParts partsOf(String name, EntityType type) {
        int comma = name.indexOf(',');
        if (type != EntityType.PERSON || comma <= 0) {
            return null;
        }
        String family = name.substring(0, comma).strip();
        List<String> parts = new ArrayList<>(List.of(name.substring(comma + 1).strip().split("\\s+")));
        parts.removeIf(String::isBlank);
        parts.add(family);
        return new NameParts(parts, family);
    }

    private static EntityType entityType(String sdnType) {
        if (sdnType == null) {
            return EntityType.ORGANISATION;
        }
        return switch (sdnType.toLowerCase(Locale.ROOT)) {
            case "individual" -> EntityType.PERSON;
            case "vessel" -> EntityType.VESSEL;
            case "aircraft" -> EntityType.AIRCRAFT;
            default -> EntityType.UNKNOWN;
        };
    }

    private static NameType aliasType(String altType) {
        if (altType == null) {
            return NameType.AKA;
        }
        return switch (altType.toLowerCase(Locale.ROOT)) {
            case "fka" -> NameType.FKA;
            case "nka" -> NameType.NKA;
            default -> NameType.AKA;
        };
    }

    private interface RowHandler {
        void accept(String[] row);
    }

    /**
     * Reads every row, checking column count and the numeric ent_num, with {@code -0-} turned into null.
     * {@code rawLast} keeps the last field unstripped: remarks overflow may start with a meaningful space.
     */
    private static void readRows(Path file, int columns, boolean rawLast, RowHandler handler) throws IOException, ListFormatException {
        try (CsvReader csv = new CsvReader(file, ',')) {
            List<String> fields;
            while ((fields = csv.next()) != null) {
                if (fields.size() != columns) {
                    throw new ListFormatException(file, csv.recordLine(),
                            "expected " + columns + " OFAC columns, found " + fields.size());
                }
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = nullMarkerToNull(fields.get(i));
                    if (rawLast && i == columns - 1 && row[i] != null) {
                        row[i] = fields.get(i);
                    }
                }
                if (row[0] == null || !row[0].chars().allMatch(Character::isDigit)) {
                    throw new ListFormatException(file, csv.recordLine(), "ent_num is not a number: " + fields.get(0));
                }
                handler.accept(row);
            }
        }
    }

    static String nullMarkerToNull(String field) {
        String s = field.strip();
        return s.isEmpty() || s.equals("-0-") ? null : s;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
