package io.kycflow.screening.match;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who to screen. Either a full name or its parts; the rest is optional corroborating evidence.
 *
 * @param dateOfBirth {@code yyyy}, {@code yyyy-mm} or {@code yyyy-mm-dd}, or null
 * @param nationality ISO code or country name, or null
 * @param schema      what kind of party this is; {@link Schema#ANY} when unknown
 */
public record Query(String fullName, String firstName, String middleName, String lastName, String dateOfBirth,
                    String nationality, String gender, Schema schema) {

    public Query {
        schema = schema == null ? Schema.ANY : schema;
        if (name(fullName, firstName, middleName, lastName).isBlank()) {
            throw new IllegalArgumentException("a query needs a full name or name parts");
        }
    }

    public static Query person(String fullName) {
        return new Query(fullName, null, null, null, null, null, null, Schema.PERSON);
    }

    public static Query of(String fullName, Schema schema) {
        return new Query(fullName, null, null, null, null, null, null, schema);
    }

    public Query withDateOfBirth(String dateOfBirth) {
        return new Query(fullName, firstName, middleName, lastName, dateOfBirth, nationality, gender, schema);
    }

    public Query withNationality(String nationality) {
        return new Query(fullName, firstName, middleName, lastName, dateOfBirth, nationality, gender, schema);
    }

    /** The name to screen: the full name when given, else the parts in first-middle-last order. */
    public String name() {
        return name(fullName, firstName, middleName, lastName);
    }

    private static String name(String full, String first, String middle, String last) {
        if (full != null && !full.isBlank()) {
            return full.strip();
        }
        return Stream.of(first, middle, last).filter(Objects::nonNull).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
    }
}
