package io.kycflow.screening.lists;

import io.kycflow.screening.model.Address;
import io.kycflow.screening.model.AliasQuality;
import io.kycflow.screening.model.BirthDate;
import io.kycflow.screening.model.Countries;
import io.kycflow.screening.model.EntityName;
import io.kycflow.screening.model.EntityType;
import io.kycflow.screening.model.Identifier;
import io.kycflow.screening.model.NameParts;
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
 * The UK Sanctions List CSV published by the FCDO (the sole official UK list since January 2026): one row
 * per name, rows of one designation share the Unique ID. Columns are mapped by header name; the published
 * order is the fallback when a file comes without a header, because the FCDO has inserted columns before.
 */
final class UkSanctionsListParser implements ListParser {
    /** Published column order (0-based), used only when the file has no header row. */
    static final List<String> PUBLISHED_COLUMNS = List.of(
            "Last Updated", "Unique ID", "OFSI Group ID", "UN Reference Number", "Name 6", "Name 1", "Name 2",
            "Name 3", "Name 4", "Name 5", "Name type", "Alias strength", "Title", "Name non-Latin script",
            "Non-Latin script type", "Non-Latin script language", "Regime name", "Designation type",
            "Designation source", "Sanctions imposed", "Other information", "Statement of reasons",
            "Address line 1", "Address line 2", "Address line 3", "Address line 4", "Address line 5",
            "Address line 6", "Postal code", "Address country", "Phone", "Website", "Email", "Date designated",
            "D.O.B", "Nationality", "National identifier number", "National identifier additional information",
            "Passport number", "Passport additional information", "Position", "Gender", "Town of birth",
            "Country of birth", "Type of entity", "Subsidiaries", "Parent company", "Business registration number",
            "IMO number", "Current owner/operator(s)", "Previous owner/operator(s)", "Current believed flag of ship",
            "Previous flags", "Type of ship", "Tonnage of ship", "Length of ship", "Year built",
            "Hull identification number");

    @Override
    public ListKind kind() {
        return ListKind.UK_FCDO;
    }

    static boolean looksLikeHeader(List<String> row) {
        CsvHeader h = new CsvHeader(row);
        return h.has("Unique ID") && h.has("Name 6");
    }

    @Override
    public ParsedList parse(ListFiles files) throws IOException, ListFormatException {
        Path file = files.primary();
        Map<String, EntityDraft> drafts = new LinkedHashMap<>();
        LocalDate newest = null;
        try (CsvReader csv = new CsvReader(file, ',')) {
            List<String> row = csv.next();
            // A banner line ("Report Date: ...") may precede the header: look at the first few rows.
            for (int i = 0; i < 3 && row != null && !looksLikeHeader(row); i++) {
                if (row.size() >= PUBLISHED_COLUMNS.size()) {
                    break; // a data row: the file has no header
                }
                row = csv.next();
            }
            if (row == null) {
                throw new ListFormatException(file, csv.recordLine(), "no rows");
            }
            CsvHeader header;
            if (looksLikeHeader(row)) {
                header = new CsvHeader(row);
                row = csv.next();
            } else {
                header = new CsvHeader(PUBLISHED_COLUMNS);
            }
            for (; row != null; row = csv.next()) {
                if (row.size() < header.size()) {
                    throw new ListFormatException(file, csv.recordLine(),
                            "expected " + header.size() + " columns, found " + row.size());
                }
                String id = header.get(row, "Unique ID");
                if (id == null) {
                    throw new ListFormatException(file, csv.recordLine(), "row without Unique ID");
                }
                EntityDraft d = drafts.computeIfAbsent(id, k -> new EntityDraft(k, ListKind.UK_FCDO.id()));
                addRow(d, header, row);
                LocalDate updated = UkDates.date(header.get(row, "Last Updated"));
                if (updated != null && (newest == null || updated.isAfter(newest))) {
                    newest = updated;
                }
            }
        }
        List<SanctionedEntity> entities = new ArrayList<>();
        for (EntityDraft d : drafts.values()) {
            if (d.hasNames()) {
                entities.add(d.build());
            }
        }
        return new ParsedList(ListKind.UK_FCDO, entities, newest, newest == null ? null : newest.toString());
    }

    private static void addRow(EntityDraft d, CsvHeader h, List<String> row) {
        d.type = UkOfsiConListParser.entityType(h.first(row, "Designation type", "Entity type"));
        List<String> parts = Stream.of("Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6")
                .map(c -> h.get(row, c)).filter(s -> s != null).toList();
        if (!parts.isEmpty()) {
            d.addName(new EntityName(String.join(" ", parts),
                    UkOfsiConListParser.nameType(h.get(row, "Name type")),
                    UkOfsiConListParser.quality(h.get(row, "Alias strength")),
                    d.type == EntityType.PERSON ? new NameParts(parts, h.get(row, "Name 6")) : null));
        }
        d.addName(h.get(row, "Name non-Latin script"), io.kycflow.screening.model.NameType.ORIGINAL_SCRIPT, AliasQuality.STRONG);
        String dobs = h.first(row, "D.O.B", "Date of birth");
        if (dobs != null) {
            for (String dob : dobs.split("[|;]")) {
                BirthDate date = UkDates.birthDate(dob);
                if (date != null) {
                    d.birthDates.add(date);
                }
            }
        }
        String nationality = h.get(row, "Nationality");
        if (nationality != null) {
            for (String n : nationality.split("\\(\\d+\\)|,|;|\\|")) {
                if (!n.isBlank()) {
                    d.nationalities.add(Countries.codeOrText(n));
                }
            }
        }
        String pob = String.join(", ", Stream.of(h.get(row, "Town of birth"), h.get(row, "Country of birth"))
                .filter(s -> s != null).toList());
        d.addIfPresent(d.placesOfBirth, pob);
        String passport = h.get(row, "Passport number");
        if (passport != null) {
            d.identifiers.add(new Identifier("Passport", passport, h.get(row, "Passport additional information")));
        }
        String nationalId = h.get(row, "National identifier number");
        if (nationalId != null) {
            d.identifiers.add(new Identifier("National ID", nationalId, h.get(row, "National identifier additional information")));
        }
        String imo = h.get(row, "IMO number");
        if (imo != null) {
            d.identifiers.add(new Identifier("IMO", imo, null));
        }
        List<String> address = Stream.of("Address line 1", "Address line 2", "Address line 3", "Address line 4",
                "Address line 5", "Address line 6", "Postal code", "Address country")
                .map(c -> h.get(row, c)).filter(s -> s != null).toList();
        if (!address.isEmpty()) {
            String country = h.get(row, "Address country");
            d.addresses.add(new Address(String.join(", ", address), country,
                    country == null ? null : Countries.isoCode(country).orElse(null)));
        }
        d.addIfPresent(d.programmes, h.get(row, "Regime name"));
        if (d.listedOn == null) {
            d.listedOn = UkDates.date(h.get(row, "Date designated"));
        }
        String gender = h.get(row, "Gender");
        if (gender != null) {
            d.gender = gender.toLowerCase(Locale.ROOT);
        }
    }
}
