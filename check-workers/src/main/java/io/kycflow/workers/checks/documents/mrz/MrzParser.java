package io.kycflow.workers.checks.documents.mrz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds and parses an ICAO 9303 machine-readable zone (TD1, TD2, TD3) in text: typed MRZ lines, or OCR
 * output around them. OCR noise is cleaned only where it cannot change meaning (spaces inside a line, the
 * filler read as a guillemet); letters and digits are never "corrected", since a wrong correction could
 * make a forged check digit pass. Every check digit of the format is computed, composite included.
 */
public final class MrzParser {

    private MrzParser() {
    }

    public static Optional<Mrz> find(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip().replace(" ", "").replace('«', '<').replace('‹', '<')
                    .toUpperCase(Locale.ROOT);
            if (line.length() >= 28 && line.matches("[A-Z0-9<]+") && line.contains("<")) {
                lines.add(line);
            }
        }
        for (MrzFormat format : List.of(MrzFormat.TD3, MrzFormat.TD2, MrzFormat.TD1)) {
            for (int i = 0; i + format.lines() <= lines.size(); i++) {
                List<String> block = lines.subList(i, i + format.lines());
                if (block.stream().allMatch(l -> l.length() == format.length())) {
                    return Optional.of(parse(format, block));
                }
            }
        }
        return Optional.empty();
    }

    public static Mrz parse(MrzFormat format, List<String> lines) {
        return switch (format) {
            case TD3 -> twoLine(format, lines.get(0), lines.get(1));
            case TD2 -> twoLine(format, lines.get(0), lines.get(1));
            case TD1 -> td1(lines.get(0), lines.get(1), lines.get(2));
        };
    }

    /** TD2 and TD3 share their layout; only the name field and the optional data differ in length. */
    private static Mrz twoLine(MrzFormat format, String l1, String l2) {
        int end = format.length();
        String[] names = names(l1.substring(5));
        List<CheckDigit> digits = new ArrayList<>();
        digits.add(CheckDigit.of("document_number", l2.substring(0, 9), l2.charAt(9)));
        digits.add(CheckDigit.of("date_of_birth", l2.substring(13, 19), l2.charAt(19)));
        digits.add(CheckDigit.of("expiry_date", l2.substring(21, 27), l2.charAt(27)));
        if (format == MrzFormat.TD3) {
            digits.add(CheckDigit.of("personal_number", l2.substring(28, 42), l2.charAt(42)));
        }
        String composite = l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, end - 1);
        digits.add(CheckDigit.of("composite", composite, l2.charAt(end - 1)));
        return new Mrz(format, field(l1.substring(0, 2)), field(l1.substring(2, 5)), names[0], names[1],
                field(l2.substring(0, 9)), field(l2.substring(10, 13)), l2.substring(13, 19), field(l2.substring(20, 21)),
                l2.substring(21, 27), digits);
    }

    private static Mrz td1(String l1, String l2, String l3) {
        String[] names = names(l3);
        List<CheckDigit> digits = new ArrayList<>();
        digits.add(CheckDigit.of("document_number", l1.substring(5, 14), l1.charAt(14)));
        digits.add(CheckDigit.of("date_of_birth", l2.substring(0, 6), l2.charAt(6)));
        digits.add(CheckDigit.of("expiry_date", l2.substring(8, 14), l2.charAt(14)));
        String composite = l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29);
        digits.add(CheckDigit.of("composite", composite, l2.charAt(29)));
        return new Mrz(MrzFormat.TD1, field(l1.substring(0, 2)), field(l1.substring(2, 5)), names[0], names[1],
                field(l1.substring(5, 14)), field(l2.substring(15, 18)), l2.substring(0, 6), field(l2.substring(7, 8)),
                l2.substring(8, 14), digits);
    }

    /** {@code SURNAME<<GIVEN<NAMES<<<}: primary identifier, then the secondary, fillers as spaces. */
    private static String[] names(String field) {
        int split = field.indexOf("<<");
        String surname = split < 0 ? field : field.substring(0, split);
        String given = split < 0 ? "" : field.substring(split + 2);
        return new String[]{field(surname), field(given)};
    }

    private static String field(String raw) {
        return raw.replace('<', ' ').strip().replaceAll(" +", " ");
    }
}
