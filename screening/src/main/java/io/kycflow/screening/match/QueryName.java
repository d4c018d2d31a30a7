package io.kycflow.screening.match;

import java.util.Arrays;

/**
 * A query's name prepared for each kind of entity it may hit: titles are dropped from a person's name but
 * are words of an organisation's ("General Motors"). Both readings are one instance when the name holds no
 * title; a reading the query's schema cannot hit is null.
 */
record QueryName(PreparedName asPerson, PreparedName asThing) {

    static QueryName of(String name, Schema schema, TokenWeights weights) {
        PreparedName person = schema.isThing() ? null : PreparedName.of(name, weights, false);
        if (schema == Schema.PERSON) {
            return new QueryName(person, null);
        }
        PreparedName thing = PreparedName.of(name, weights, true);
        if (person != null && Arrays.equals(person.tokens(), thing.tokens())) {
            thing = person;
        }
        return new QueryName(person, thing);
    }

    /** The reading for a listed name of that kind; an entity of unknown type gets the only reading there is. */
    PreparedName forEntity(boolean thing) {
        PreparedName reading = thing ? asThing : asPerson;
        return reading != null ? reading : any();
    }

    /** Whether the two readings differ, so candidates must be looked up for each. */
    boolean readingsDiffer() {
        return asPerson != null && asThing != null && asPerson != asThing;
    }

    /** The only reading, or the person's where there are two. */
    PreparedName any() {
        return asPerson != null ? asPerson : asThing;
    }
}
