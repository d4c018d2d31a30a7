package io.kycflow.screening.model;

import java.time.LocalDate;

/**
 * A date of birth as precise as the list gives it: an exact day, a year (possibly "circa"), or a range of
 * years. Stored as an inclusive year range plus the exact day when known, so that comparing against a
 * query needs one code path.
 */
public record BirthDate(int fromYear, int toYear, LocalDate exactDate, boolean approximate) {
    public BirthDate {
        if (toYear < fromYear) {
            throw new IllegalArgumentException("year range " + fromYear + ".." + toYear);
        }
    }

    public static BirthDate exact(LocalDate date) {
        return new BirthDate(date.getYear(), date.getYear(), date, false);
    }

    public static BirthDate year(int year) {
        return new BirthDate(year, year, null, false);
    }

    public static BirthDate circa(int year) {
        return new BirthDate(year, year, null, true);
    }

    public static BirthDate range(int fromYear, int toYear) {
        return new BirthDate(Math.min(fromYear, toYear), Math.max(fromYear, toYear), null, false);
    }

    /** Distance in years from the given year to this date's range (0 when inside). */
    public int yearsApart(int year) {
        if (year < fromYear) {
            return fromYear - year;
        }
        return Math.max(0, year - toYear);
    }

    @Override
    public String toString() {
        if (exactDate != null) {
            return exactDate.toString();
        }
        String years = fromYear == toYear ? Integer.toString(fromYear) : fromYear + "-" + toYear;
        return approximate ? "circa " + years : years;
    }
}
