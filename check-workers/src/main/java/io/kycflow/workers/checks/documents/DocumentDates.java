package io.kycflow.workers.checks.documents;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the date a document was issued. Dates are read in the forms bills print: {@code 2026-11-03},
 * {@code 03/11/2026} (day first, except for US addresses where the month comes first, unless the numbers
 * say otherwise), {@code 3 November 2026}, {@code Nov 3, 2026}. A date on a line that names it ("Statement
 * date", "Bill date", "Date of issue", "Invoice date", "Date:") wins; otherwise the latest date not in the
 * future (a due date may lie ahead; a date of birth lies far back).
 */
public final class DocumentDates {

    /** The document's date and how it was chosen. */
    public record DocumentDate(LocalDate date, boolean labelled) {
    }

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})\\b");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern LABEL = Pattern.compile(
            "(statement|bill|billing|issue|issued|invoice|document|letter|print)\\s*(date|on)|date\\s+of\\s+(issue|statement|invoice)|^\\s*date\\s*:",
            Pattern.CASE_INSENSITIVE);

    public Optional<DocumentDate> find(List<String> lines, LocalDate today, boolean monthFirst) {
        LocalDate labelled = null;
        LocalDate latest = null;
        for (String line : lines) {
            List<LocalDate> dates = dates(line, monthFirst);
            boolean hasLabel = LABEL.matcher(line).find();
            for (LocalDate date : dates) {
                if (hasLabel && labelled == null) {
                    labelled = date;
                }
                if (!date.isAfter(today) && (latest == null || date.isAfter(latest))) {
                    latest = date;
                }
            }
        }
        if (labelled != null) {
            return Optional.of(new DocumentDate(labelled, true));
        }
        return Optional.ofNullable(latest).map(d -> new DocumentDate(d, false));
    }

    static List<LocalDate> dates(String line, boolean monthFirst) {
        List<LocalDate> found = new ArrayList<>();
        Matcher m = ISO.matcher(line);
        while (m.find()) {
            date(num(m.group(1)), num(m.group(2)), num(m.group(3))).ifPresent(found::add);
        }
        m = NUMERIC.matcher(line);
        while (m.find()) {
            int a = num(m.group(1));
            int b = num(m.group(2));
            boolean aIsMonth = monthFirst ? b > 12 || a <= 12 : a <= 12 && b > 12;
            date(num(m.group(3)), aIsMonth ? a : b, aIsMonth ? b : a).ifPresent(found::add);
        }
        Matcher dayMonth = DAY_MONTH.matcher(line);
        while (dayMonth.find()) {
            int day = num(dayMonth.group(1));
            int year = num(dayMonth.group(3));
            month(dayMonth.group(2)).flatMap(month -> date(year, month, day)).ifPresent(found::add);
        }
        Matcher monthDay = MONTH_DAY.matcher(line);
        while (monthDay.find()) {
            int day = num(monthDay.group(2));
            int year = num(monthDay.group(3));
            month(monthDay.group(1)).flatMap(month -> date(year, month, day)).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<Integer> month(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() < 3) {
            return Optional.empty();
        }
        Integer month = MONTHS.get(w.substring(0, 3));
        // "March" and "Mar" are months; "Marathon" is not.
        if (month == null || !(w.length() == 3 || (w.equals("sept")) || java.time.Month.of(month).name()
                .toLowerCase(Locale.ROOT).equals(w))) {
            return Optional.empty();
        }
        return Optional.of(month);
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }
}
