package io.kycflow.workers.checks.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Date of birth: a real calendar date written {@code YYYY-MM-DD}, not in the future, at most
 * {@value #MAX_AGE} years ago, and old enough for the agent's minimum age. Ages are computed in the
 * injected clock's zone, so a birthday counts from local midnight and tests can pin "today".
 * The finding gives the age, not the date.
 */
public final class DateOfBirthRule {

    static final String FIELD = "date_of_birth";
    static final int MAX_AGE = 120;

    /** Strict: "2023-02-30" is refused rather than quietly turned into March 2nd. */
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    /** The finding and, when the date could be read and is not in the future, the age in whole years. */
    public record Result(FieldFinding finding, Integer age) {
    }

    private final Clock clock;

    public DateOfBirthRule(Clock clock) {
        this.clock = clock;
    }

    public Result evaluate(SelfAttestedData data, int minimumAge) {
        Optional<String> value = data.text(FIELD);
        if (value.isEmpty()) {
            return new Result(FieldFinding.notProvided(FIELD), null);
        }
        LocalDate birth;
        try {
            birth = LocalDate.parse(value.get(), ISO_DATE);
        } catch (DateTimeParseException e) {
            return new Result(FieldFinding.failed(FIELD, null, "is not a calendar date in YYYY-MM-DD form"), null);
        }
        LocalDate today = LocalDate.now(clock);
        if (birth.isAfter(today)) {
            return new Result(FieldFinding.failed(FIELD, null, "is in the future"), null);
        }
        int age = Period.between(birth, today).getYears();
        String summary = "age " + age;
        if (age > MAX_AGE) {
            return new Result(FieldFinding.failed(FIELD, summary, "implies an age over " + MAX_AGE + " years"), age);
        }
        if (age < minimumAge) {
            return new Result(FieldFinding.failed(FIELD, summary,
                    "person is " + age + ", under the minimum age of " + minimumAge), age);
        }
        return new Result(FieldFinding.passed(FIELD, summary,
                "plausible date; person is at least the minimum age of " + minimumAge), age);
    }
}
