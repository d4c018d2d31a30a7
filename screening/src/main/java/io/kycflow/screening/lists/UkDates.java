package io.kycflow.screening.lists;

import io.kycflow.screening.model.BirthDate;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UK list dates: {@code dd/mm/yyyy}, {@code mm/yyyy} or {@code yyyy}, with {@code 00} for an unknown day or
 * month ("00/00/1994" is a year of birth).
 */
final class UkDates {
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern MY = Pattern.compile("(\\d{1,2})/(\\d{4})");
    private static final Pattern Y = Pattern.compile("(\\d{4})");

    private UkDates() {
    }

    static BirthDate birthDate(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        Matcher m = DMY.matcher(t);
        if (m.matches()) {
            int day = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            int year = Integer.parseInt(m.group(3));
            if (day > 0 && month > 0) {
                try {
                    return BirthDate.exact(LocalDate.of(year, month, day));
                } catch (java.time.DateTimeException e) {
                    return BirthDate.year(year);
                }
            }
            return BirthDate.year(year);
        }
        m = MY.matcher(t);
        if (m.matches()) {
            return BirthDate.year(Integer.parseInt(m.group(2)));
        }
        m = Y.matcher(t);
        if (m.matches()) {
            return BirthDate.year(Integer.parseInt(m.group(1)));
        }
        return null;
    }

    /** A {@code dd/mm/yyyy} date (also accepts ISO {@code yyyy-mm-dd}), or null. */
    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                return LocalDate.parse(t.substring(0, 10));
            }
            Matcher m = DMY.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }
}
