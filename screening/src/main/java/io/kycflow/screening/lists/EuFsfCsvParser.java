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
import java.util.stream.Stream;

/**
 * The EU Financial Sanctions File CSV (1.1): {@code ;}-delimited, one row per sub-record (a name alias,
 * an address, a birth date, an identification or a citizenship), all grouped by Entity_LogicalId.
 */
final class EuFsfCsvParser implements ListParser {
    static final String ID = "Entity_LogicalId";

    @Override
    public ListKind kind() {
        return ListKind.EU_FSF;
    }

    @Override
    public ParsedList parse(ListFiles files) throws IOException, ListFormatException {
        Path file = files.primary();
        Map<String, EntityDraft> drafts = new LinkedHashMap<>();
        LocalDate generated = null;
        try (CsvReader csv = new CsvReader(file, ';')) {
            List<String> headerRow = csv.next();
            if (headerRow == null) {
                throw new ListFormatException(file, 1, "empty file");
            }
            CsvHeader h = new CsvHeader(headerRow);
            if (!h.has(ID) || !h.has("NameAlias_WholeName")) {
                throw new ListFormatException(file, 1, "header lacks Entity_LogicalId / NameAlias_WholeName");
            }
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.size() < h.size()) {
                    throw new ListFormatException(file, csv.recordLine(),
                            "expected " + h.size() + " columns, found " + row.size());
                }
                String id = h.get(row, ID);
                if (id == null) {
                    throw new ListFormatException(file, csv.recordLine(), "row without " + ID);
                }
                if (generated == null) {
                    generated = UkDates.date(h.get(row, "fileGenerationDate"));
                }
                EntityDraft d = drafts.computeIfAbsent(id, k -> new EntityDraft(k, ListKind.EU_FSF.id()));
                addRow(d, h, row);
            }
        }
        List<SanctionedEntity> entities = new ArrayList<>();
        for (EntityDraft d : drafts.values()) {
            if (d.hasNames()) {
                entities.add(d.build());
            }
        }
        return new ParsedList(ListKind.EU_FSF, entities, generated, generated == null ? null : generated.toString());
    }

    private static void addRow(EntityDraft d, CsvHeader h, List<String> row) {
        String subject = (h.get(row, "Entity_SubjectType") + " " + h.get(row, "Entity_SubjectType_ClassificationCode"))
                .toLowerCase(Locale.ROOT);
        if (subject.contains("person") || subject.startsWith("p ")) {
            d.type = EntityType.PERSON;
        } else if (subject.contains("enterprise") || subject.startsWith("e ")) {
            d.type = EntityType.ORGANISATION;
        }
        String whole = h.get(row, "NameAlias_WholeName");
        if (whole != null) {
            List<String> parts = Stream.of("NameAlias_FirstName", "NameAlias_MiddleName", "NameAlias_LastName")
                    .map(c -> h.get(row, c)).filter(s -> s != null).toList();
            // The EU marks no primary name: the first alias row of an entity serves as primary.
            NameType type = d.hasNames() ? NameType.AKA : NameType.PRIMARY;
            d.addName(new EntityName(whole, type, AliasQuality.UNSPECIFIED,
                    parts.isEmpty() ? null : new NameParts(parts, h.get(row, "NameAlias_LastName"))));
            String gender = h.get(row, "NameAlias_Gender");
            if (gender != null) {
                d.gender = gender.equalsIgnoreCase("M") ? "male" : gender.equalsIgnoreCase("F") ? "female" : gender;
            }
        }
        BirthDate dob = birthDate(h, row);
        if (dob != null) {
            d.birthDates.add(dob);
        }
        String pob = String.join(", ", Stream.of(h.get(row, "BirthDate_City"), h.get(row, "BirthDate_Place"),
                h.get(row, "BirthDate_CountryDescription")).filter(s -> s != null).toList());
        d.addIfPresent(d.placesOfBirth, pob);
        String citizenship = h.first(row, "Citizenship_CountryIso2Code", "Citizenship_CountryDescription");
        if (citizenship != null && !citizenship.equals("00")) {
            d.nationalities.add(Countries.codeOrText(citizenship));
        }
        String idNumber = h.get(row, "Identification_Number");
        if (idNumber != null) {
            d.identifiers.add(new Identifier(h.first(row, "Identification_TypeDescription", "Identification_TypeCode"),
                    idNumber, h.first(row, "Identification_CountryIso2Code", "Identification_CountryDescription")));
        }
        List<String> address = Stream.of("Address_Street", "Address_PoBox", "Address_City", "Address_ZipCode",
                "Address_Region", "Address_Place", "Address_CountryDescription")
                .map(c -> h.get(row, c)).filter(s -> s != null).toList();
        if (!address.isEmpty()) {
            String iso = h.get(row, "Address_CountryIso2Code");
            d.addresses.add(new Address(String.join(", ", address), h.get(row, "Address_CountryDescription"),
                    iso != null && iso.length() == 2 && !iso.equals("00") ? iso : null));
        }
        d.addIfPresent(d.programmes, h.get(row, "Entity_Regulation_Programme"));
        if (d.listedOn == null) {
            d.listedOn = UkDates.date(h.get(row, "Entity_DesignationDate"));
        }
    }

    private static BirthDate birthDate(CsvHeader h, List<String> row) {
        try {
            String full = h.get(row, "BirthDate_BirthDate");
            boolean circa = "1".equals(h.get(row, "BirthDate_Circa")) || "true".equalsIgnoreCase(h.get(row, "BirthDate_Circa"));
            if (full != null) {
                LocalDate date = UkDates.date(full);
                if (date != null) {
                    return circa ? BirthDate.circa(date.getYear()) : BirthDate.exact(date);
                }
            }
            String from = h.get(row, "BirthDate_YearRangeFrom");
            String to = h.get(row, "BirthDate_YearRangeTo");
            if (from != null && to != null) {
                return BirthDate.range(Integer.parseInt(from), Integer.parseInt(to));
            }
            String year = h.get(row, "BirthDate_Year");
            if (year != null) {
                return circa ? BirthDate.circa(Integer.parseInt(year)) : BirthDate.year(Integer.parseInt(year));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
