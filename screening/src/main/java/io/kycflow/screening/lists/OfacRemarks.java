package io.kycflow.screening.lists;

import io.kycflow.screening.model.BirthDate;
import io.kycflow.screening.model.Countries;
import io.kycflow.screening.model.Identifier;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts mined from the free-text OFAC Remarks field. OFAC's legacy CSV has no columns for date of birth,
 * nationality or documents: they are written as {@code ;}-separated phrases ("DOB 30 Jul 1957; POB ...;
 * nationality Russia; Passport 123 (Russia); a.k.a. 'X'"), and matching needs them.
 */
public record OfacRemarks(
        List<BirthDate> birthDates,
        List<String> placesOfBirth,
        List<String> nationalities,
        String gender,
        List<String> weakAliases,
        List<Identifier> identifiers) {

    private static final Pattern ALT = Pattern.compile("^(?:alt\\.\\s+)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern AKA = Pattern.compile("^[fn]?\\.?\\s*a\\.k\\.a\\.?,?\\s*'(.+?)'?$|^[fn]\\.k\\.a\\.\\s*'(.+?)'?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOC = Pattern.compile(
            "^(Passport|National ID No\\.|Cedula No\\.|Tax ID No\\.|Identification Number|SSN|NIT #|C\\.U\\.R\\.P\\.|"
                    + "R\\.F\\.C\\.|D\\.N\\.I\\.|Personal ID Card|Residency Number|Driver's License No\\.|"
                    + "Registration Number|Business Registration Number|Company Number|Registration ID|"
                    + "Vessel Registration Identification|Diplomatic Passport|Refugee ID Card)\\s+(.+?)(?:\\s*\\(([^)]*)\\))?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("^(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\.?\\s+(\\d{4})$");
    private static final Pattern MONTH_YEAR = Pattern.compile("^([A-Za-z]{3})[a-z]*\\.?\\s+(\\d{4})$");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");
    private static final Pattern YEAR_IN = Pattern.compile("(\\d{4})");
    private static final Map<String, Month> MONTHS = new HashMap<>();

    static {
        for (Month m : Month.values()) {
            MONTHS.put(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT), m);
        }
    }

    public OfacRemarks {
        birthDates = List.copyOf(birthDates);
        placesOfBirth = List.copyOf(placesOfBirth);
        nationalities = List.copyOf(nationalities);
        weakAliases = List.copyOf(weakAliases);
        identifiers = List.copyOf(identifiers);
    }

    public static OfacRemarks parse(String remarks) {
        List<BirthDate> dobs = new ArrayList<>();
        List<String> pobs = new ArrayList<>();
        List<String> nationalities = new ArrayList<>();
        List<String> akas = new ArrayList<>();
        List<Identifier> ids = new ArrayList<>();
        String gender = null;
        if (remarks == null || remarks.isBlank()) {
            return new OfacRemarks(dobs, pobs, nationalities, null, akas, ids);
        }
        for (String raw : remarks.split(";")) {
            String item = raw.strip();
            if (item.endsWith(".") && !item.endsWith("No.")) {
                item = item.substring(0, item.length() - 1).strip();
            }
            Matcher aka = AKA.matcher(item);
            if (aka.matches()) {
                String name = aka.group(1) != null ? aka.group(1) : aka.group(2);
                if (name != null && !name.isBlank()) {
                    akas.add(name.strip());
                }
                continue;
            }
            String body = ALT.matcher(item).replaceFirst("");
            String lower = body.toLowerCase(Locale.ROOT);
            if (lower.startsWith("dob ")) {
                BirthDate date = birthDate(body.substring(4).strip());
                if (date != null) {
                    dobs.add(date);
                }
            } else if (lower.startsWith("pob ")) {
                pobs.add(body.substring(4).strip());
            } else if (lower.startsWith("nationality ")) {
                nationalities.add(Countries.codeOrText(body.substring(12)));
            } else if (lower.startsWith("citizen ")) {
                nationalities.add(Countries.codeOrText(body.substring(8)));
            } else if (lower.startsWith("gender ")) {
                gender = body.substring(7).strip().toLowerCase(Locale.ROOT);
            } else {
                Matcher doc = DOC.matcher(body);
                if (doc.matches()) {
                    ids.add(new Identifier(doc.group(1), doc.group(2).strip(), doc.group(3)));
                }
            }
        }
        return new OfacRemarks(dobs, pobs, nationalities, gender, akas, ids);
    }

    /** "30 Jul 1957", "Jul 1957", "1957", "circa 1957", "1955 to 1958", "01 Jan 1960 to 31 Dec 1962". */
    static BirthDate birthDate(String text) {
        String t = text.strip();
        boolean circa = false;
        if (t.toLowerCase(Locale.ROOT).startsWith("circa ")) {
            circa = true;
            t = t.substring(6).strip();
        }
        int to = t.toLowerCase(Locale.ROOT).indexOf(" to ");
        if (to > 0) {
            Matcher a = YEAR_IN.matcher(t.substring(0, to));
            Matcher b = YEAR_IN.matcher(t.substring(to + 4));
            if (a.find() && b.find()) {
                return BirthDate.range(Integer.parseInt(a.group(1)), Integer.parseInt(b.group(1)));
            }
            return null;
        }
        Matcher m = DAY_MONTH_YEAR.matcher(t);
        if (m.matches()) {
            Month month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            if (month != null) {
                try {
                    return BirthDate.exact(LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1))));
                } catch (java.time.DateTimeException e) {
                    return BirthDate.year(Integer.parseInt(m.group(3)));
                }
            }
        }
        m = MONTH_YEAR.matcher(t);
        if (m.matches()) {
            return BirthDate.year(Integer.parseInt(m.group(2)));
        }
        m = YEAR.matcher(t);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            return circa ? BirthDate.circa(year) : BirthDate.year(year);
        }
        return null;
    }
}
