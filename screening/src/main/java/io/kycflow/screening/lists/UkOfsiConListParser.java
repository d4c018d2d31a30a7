package io.kycflow.screening.lists;

import io.kycflow.screening.model.Address;
import io.kycflow.screening.model.AliasQuality;
import io.kycflow.screening.model.BirthDate;
import io.kycflow.screening.model.Countries;
import io.kycflow.screening.model.EntityName;
import io.kycflow.screening.model.EntityType;
import io.kycflow.screening.model.Identifier;
import io.kycflow.screening.model.NameParts;
import io.kycflow.screening.model.NameType;
import io.kycflow.screening.model.SanctionedEntity;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The UK OFSI consolidated list, "2022format" ConList.csv: a {@code Last Updated,dd/mm/yyyy} banner, a
 * header, then one row per name variation; rows sharing a Group ID are one target.
 */
final class UkOfsiConListParser implements ListParser {
    static final List<String> REQUIRED = List.of("Name 6", "Group ID", "Group Type", "Alias Type");
    private static final Pattern GENDER = Pattern.compile("\\(Gender\\):\\s*(Male|Female)", Pattern.CASE_INSENSITIVE);

    @Override
    public ListKind kind() {
        return ListKind.UK_OFSI;
    }

    @Override
    public ParsedList parse(ListFiles files) throws IOException, ListFormatException {
        Path file = files.primary();
        Map<String, EntityDraft> drafts = new LinkedHashMap<>();
        LocalDate lastUpdated = null;
        try (CsvReader csv = new CsvReader(file, ',')) {
            List<String> first = csv.next();
            if (first == null) {
                throw new ListFormatException(file, 1, "empty file");
            }
            List<String> headerRow = first;
            if (first.get(0).strip().equalsIgnoreCase("Last Updated")) {
                lastUpdated = first.size() > 1 ? UkDates.date(first.get(1)) : null;
                headerRow = csv.next();
            }
            if (headerRow == null) {
                throw new ListFormatException(file, csv.recordLine(), "no header row");
            }
            CsvHeader header = new CsvHeader(headerRow);
            for (String column : REQUIRED) {
                if (!header.has(column)) {
                    throw new ListFormatException(file, csv.recordLine(), "header lacks column '" + column + "'");
                }
            }
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.size() != header.size()) {
                    throw new ListFormatException(file, csv.recordLine(),
                            "expected " + header.size() + " columns, found " + row.size());
                }
                String groupId = header.get(row, "Group ID");
                if (groupId == null) {
                    throw new ListFormatException(file, csv.recordLine(), "row without Group ID");
                }
                EntityDraft d = drafts.computeIfAbsent(groupId, id -> new EntityDraft(id, ListKind.UK_OFSI.id()));
                addRow(d, header, row);
            }
        }
        List<SanctionedEntity> entities = new ArrayList<>(drafts.size());
        for (EntityDraft d : drafts.values()) {
            if (d.hasNames()) {
                entities.add(d.build());
            }
        }
        return new ParsedList(ListKind.UK_OFSI, entities, lastUpdated, lastUpdated == null ? null : lastUpdated.toString());
    }

    private static void addRow(EntityDraft d, CsvHeader h, List<String> row) {
        d.type = entityType(h.get(row, "Group Type"));
        List<String> parts = Stream.of("Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6")
                .map(c -> h.get(row, c)).filter(s -> s != null).toList();
        if (!parts.isEmpty()) {
            String family = h.get(row, "Name 6");
            d.addName(new EntityName(String.join(" ", parts), nameType(h.get(row, "Alias Type")),
                    quality(h.get(row, "Alias Quality")),
                    d.type == EntityType.PERSON ? new NameParts(parts, family) : null));
        }
        d.addName(h.get(row, "Name Non-Latin Script"), NameType.ORIGINAL_SCRIPT, AliasQuality.STRONG);
        BirthDate dob = UkDates.birthDate(h.get(row, "DOB"));
        if (dob != null) {
            d.birthDates.add(dob);
        }
        String pob = String.join(", ", Stream.of(h.get(row, "Town of Birth"), h.get(row, "Country of Birth"))
                .filter(s -> s != null).toList());
        d.addIfPresent(d.placesOfBirth, pob);
        String nationality = h.get(row, "Nationality");
        if (nationality != null) {
            // Several nationalities arrive as "(1) Iraq (2) Syria" or comma separated.
            for (String n : nationality.split("\\(\\d+\\)|,|;")) {
                if (!n.isBlank()) {
                    d.nationalities.add(Countries.codeOrText(n));
                }
            }
        }
        String passport = h.get(row, "Passport Number");
        if (passport != null) {
            d.identifiers.add(new Identifier("Passport", passport, h.get(row, "Passport Details")));
        }
        String nationalId = h.get(row, "National Identification Number");
        if (nationalId != null) {
            d.identifiers.add(new Identifier("National ID", nationalId, h.get(row, "National Identification Details")));
        }
        List<String> addressParts = Stream.of("Address 1", "Address 2", "Address 3", "Address 4", "Address 5",
                "Address 6", "Post/Zip Code", "Country").map(c -> h.get(row, c)).filter(s -> s != null).toList();
        if (!addressParts.isEmpty()) {
            String country = h.get(row, "Country");
            d.addresses.add(new Address(String.join(", ", addressParts), country,
                    country == null ? null : Countries.isoCode(country).orElse(null)));
        }
        d.addIfPresent(d.programmes, h.get(row, "Regime"));
        if (d.listedOn == null) {
            d.listedOn = UkDates.date(h.get(row, "Listed On"));
        }
        String other = h.get(row, "Other Information");
        if (other != null && d.gender == null) {
            Matcher m = GENDER.matcher(other);
            if (m.find()) {
                d.gender = m.group(1).toLowerCase(Locale.ROOT);
            }
        }
    }

    static EntityType entityType(String groupType) {
        if (groupType == null) {
            return EntityType.UNKNOWN;
        }
        return switch (groupType.strip().toLowerCase(Locale.ROOT)) {
            case "individual" -> EntityType.PERSON;
            case "entity" -> EntityType.ORGANISATION;
            case "ship" -> EntityType.VESSEL;
            default -> EntityType.UNKNOWN;
        };
    }

    static NameType nameType(String aliasType) {
        if (aliasType == null) {
            return NameType.AKA;
        }
        String t = aliasType.strip().toLowerCase(Locale.ROOT);
        if (t.equals("primary name") || t.equals("primary")) {
            return NameType.PRIMARY;
        }
        if (t.startsWith("primary name variation")) {
            return NameType.PRIMARY_VARIATION;
        }
        if (t.equals("fka")) {
            return NameType.FKA;
        }
        return NameType.AKA;
    }

    static AliasQuality quality(String quality) {
        if (quality == null) {
            return AliasQuality.UNSPECIFIED;
        }
        String q = quality.toLowerCase(Locale.ROOT);
        if (q.startsWith("good") || q.startsWith("strong") || q.startsWith("high")) {
            return AliasQuality.STRONG;
        }
        if (q.startsWith("low") || q.startsWith("weak")) {
            return AliasQuality.WEAK;
        }
        return AliasQuality.UNSPECIFIED;
    }
}
