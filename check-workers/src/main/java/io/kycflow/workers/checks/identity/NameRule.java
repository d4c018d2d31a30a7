package io.kycflow.workers.checks.identity;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Name sanity: a name has a letter, no digits, no characters outside letters, marks, spaces, hyphens,
 * apostrophes and periods, is not one character repeated ("aaaa"), and is not a placeholder.
 *
 * <p>The placeholder list is a small hand-kept list in code, not a maintained data set: it catches the
 * values test traffic and lazy form-filling produce ("test", "asdf", "n/a", "john doe"), nothing more.
 * Words that are also real names ("Na", "Nil", "Bar", "Doe") are left out on purpose: a false failure
 * sends a real person to manual review.
 * {@code first_name} and {@code last_name} are required by the kyc_schema, so their absence fails.
 */
public final class NameRule {

    /** Placeholder values, compared after lower-casing and collapsing whitespace (hand-kept, see above). */
    static final Set<String> PLACEHOLDERS = Set.of(
            "test", "testing", "test test", "asdf", "asd", "qwerty", "foo", "foo bar", "n/a", "none",
            "null", "unknown", "not known", "no name", "noname", "name", "first name", "firstname",
            "last name", "lastname", "surname", "sample", "example", "dummy", "fake", "anonymous", "xxx",
            "xx", "abc", "john doe", "jane doe", "mickey mouse");

    /** A name's characters: letters, combining marks, spaces and the punctuation real names carry. */
    private static final Pattern NAME_CHARACTERS =
            Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'\u2019-]*");

    private static final int MAX_LENGTH = 100;

    public List<FieldFinding> evaluate(SelfAttestedData data) {
        Optional<String> first = data.text("first_name");
        Optional<String> last = data.text("last_name");
        FieldFinding firstFinding = check("first_name", first, true);
        FieldFinding lastFinding = check("last_name", last, true);
        // "John" and "Doe" pass alone; together they are the placeholder, so the pair is checked too.
        if (firstFinding.status() == FieldStatus.PASSED && lastFinding.status() == FieldStatus.PASSED
                && PLACEHOLDERS.contains(normalized(first.get() + " " + last.get()))) {
            firstFinding = FieldFinding.failed("first_name", firstFinding.valueSummary(),
                    "first and last name together form a placeholder name");
        }
        return List.of(firstFinding, check("middle_name", data.text("middle_name"), false), lastFinding);
    }

    private FieldFinding check(String field, Optional<String> value, boolean required) {
        if (value.isEmpty()) {
            return required
                    ? FieldFinding.failed(field, null, field + " is required by the kyc_schema and was not provided")
                    : FieldFinding.notProvided(field);
        }
        String name = Normalizer.normalize(value.get(), Normalizer.Form.NFC);
        String summary = name.codePointCount(0, name.length()) + " characters";
        if (name.codePoints().anyMatch(Character::isDigit)) {
            return FieldFinding.failed(field, summary, "contains digits");
        }
        if (name.length() > MAX_LENGTH) {
            return FieldFinding.failed(field, summary, "is longer than " + MAX_LENGTH + " characters");
        }
        if (PLACEHOLDERS.contains(normalized(name))) {
            return FieldFinding.failed(field, summary, "is a placeholder value, not a real name");
        }
        if (!NAME_CHARACTERS.matcher(name).matches()) {
            return FieldFinding.failed(field, summary,
                    "contains characters other than letters, spaces, hyphens, apostrophes and periods");
        }
        if (isOneRepeatedLetter(name)) {
            return FieldFinding.failed(field, summary, "is a single character repeated");
        }
        return FieldFinding.passed(field, summary, "plausible name");
    }

    private static boolean isOneRepeatedLetter(String name) {
        int[] letters = name.codePoints().filter(Character::isLetter).map(Character::toLowerCase).toArray();
        return letters.length >= 2 && Arrays.stream(letters).distinct().count() == 1;
    }

    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
