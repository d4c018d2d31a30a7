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

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The UN Security Council consolidated.xml, read with StAX one INDIVIDUAL/ENTITY at a time so memory stays
 * bounded by one record, not the document.
 */
final class UnXmlParser implements ListParser {
    static final String ROOT = "CONSOLIDATED_LIST";

    @Override
    public ListKind kind() {
        return ListKind.UN;
    }

    @Override
    public ParsedList parse(ListFiles files) throws IOException, ListFormatException {
        Path file = files.primary();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // The list has no DTD; refusing DTDs and external entities closes XXE.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<SanctionedEntity> entities = new ArrayList<>();
        String generated = null;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            boolean sawRoot = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (!sawRoot) {
                    if (!ROOT.equals(name)) {
                        throw new ListFormatException(file, xml.getLocation().getLineNumber(),
                                "root element is " + name + ", expected " + ROOT);
                    }
                    sawRoot = true;
                    generated = xml.getAttributeValue(null, "dateGenerated");
                } else if (name.equals("INDIVIDUAL") || name.equals("ENTITY")) {
                    int line = xml.getLocation().getLineNumber();
                    XmlElement record = XmlElement.read(xml);
                    entities.add(toEntity(record, name.equals("INDIVIDUAL"), file, line));
                }
            }
            if (!sawRoot) {
                throw new ListFormatException(file, 0, "no " + ROOT + " element");
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new ListFormatException(file, line, "malformed XML: " + e.getMessage(), e);
        }
        LocalDate published = null;
        if (generated != null && generated.length() >= 10) {
            try {
                published = LocalDate.parse(generated.substring(0, 10));
            } catch (DateTimeParseException ignored) {
                // keep the version text even if it is not a date
            }
        }
        return new ParsedList(ListKind.UN, entities, published, generated);
    }

    private static SanctionedEntity toEntity(XmlElement r, boolean individual, Path file, int line)
            throws ListFormatException {
        String id = r.text("DATAID");
        if (id == null) {
            throw new ListFormatException(file, line, "record without DATAID");
        }
        EntityDraft d = new EntityDraft(id, ListKind.UN.id());
        d.type = individual ? EntityType.PERSON : EntityType.ORGANISATION;
        List<String> parts = Stream.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
                .map(r::text).filter(s -> s != null).toList();
        if (parts.isEmpty()) {
            throw new ListFormatException(file, line, "record " + id + " has no FIRST_NAME");
        }
        d.addName(new EntityName(String.join(" ", parts), NameType.PRIMARY, AliasQuality.STRONG,
                individual ? new NameParts(parts, null) : null));
        d.addName(r.text("NAME_ORIGINAL_SCRIPT"), NameType.ORIGINAL_SCRIPT, AliasQuality.STRONG);
        for (XmlElement alias : r.children(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
            String quality = alias.text("QUALITY");
            AliasQuality q = quality == null ? AliasQuality.UNSPECIFIED
                    : switch (quality.toLowerCase(Locale.ROOT)) {
                        case "good" -> AliasQuality.STRONG;
                        case "low" -> AliasQuality.WEAK;
                        default -> AliasQuality.UNSPECIFIED;
                    };
            d.addName(alias.text("ALIAS_NAME"), NameType.AKA, q);
        }
        d.addIfPresent(d.programmes, r.text("UN_LIST_TYPE"));
        String gender = r.text("GENDER");
        d.gender = gender == null ? null : gender.toLowerCase(Locale.ROOT);
        for (XmlElement nat : r.children("NATIONALITY")) {
            for (XmlElement v : nat.children("VALUE")) {
                if (v.text() != null) {
                    d.nationalities.add(Countries.codeOrText(v.text()));
                }
            }
        }
        String listed = r.text("LISTED_ON");
        if (listed != null) {
            try {
                d.listedOn = LocalDate.parse(listed.substring(0, Math.min(10, listed.length())));
            } catch (DateTimeParseException ignored) {
                // a listing date we cannot read does not make the record unusable
            }
        }
        for (XmlElement dob : r.children("INDIVIDUAL_DATE_OF_BIRTH")) {
            BirthDate date = birthDate(dob);
            if (date != null) {
                d.birthDates.add(date);
            }
        }
        for (XmlElement pob : r.children("INDIVIDUAL_PLACE_OF_BIRTH")) {
            String place = joined(pob, "CITY", "STATE_PROVINCE", "COUNTRY");
            d.addIfPresent(d.placesOfBirth, place);
        }
        for (XmlElement doc : r.children("INDIVIDUAL_DOCUMENT")) {
            String number = doc.text("NUMBER");
            if (number != null) {
                String country = doc.text("ISSUING_COUNTRY") != null ? doc.text("ISSUING_COUNTRY") : doc.text("COUNTRY_OF_ISSUE");
                d.identifiers.add(new Identifier(doc.text("TYPE_OF_DOCUMENT"), number, country));
            }
        }
        for (XmlElement address : r.children(individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
            String text = joined(address, "STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY");
            if (!text.isEmpty()) {
                String country = address.text("COUNTRY");
                d.addresses.add(new Address(text, country, country == null ? null : Countries.isoCode(country).orElse(null)));
            }
        }
        return d.build();
    }

    private static BirthDate birthDate(XmlElement dob) {
        String type = dob.text("TYPE_OF_DATE");
        try {
            if (dob.text("DATE") != null) {
                LocalDate date = LocalDate.parse(dob.text("DATE").substring(0, 10));
                return "APPROXIMATELY".equals(type) ? BirthDate.circa(date.getYear()) : BirthDate.exact(date);
            }
            if (dob.text("FROM_YEAR") != null && dob.text("TO_YEAR") != null) {
                return BirthDate.range(Integer.parseInt(dob.text("FROM_YEAR")), Integer.parseInt(dob.text("TO_YEAR")));
            }
            if (dob.text("YEAR") != null) {
                int year = Integer.parseInt(dob.text("YEAR"));
                return "APPROXIMATELY".equals(type) ? BirthDate.circa(year) : BirthDate.year(year);
            }
        } catch (RuntimeException e) {
            return null; // an unreadable date is treated as absent: it must neither help nor hurt a match
        }
        return null;
    }

    private static String joined(XmlElement e, String... children) {
        return Stream.of(children).map(e::text).filter(s -> s != null).collect(Collectors.joining(", "));
    }
}
