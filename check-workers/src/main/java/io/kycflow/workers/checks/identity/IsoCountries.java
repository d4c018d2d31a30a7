package io.kycflow.workers.checks.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * ISO 3166-1 alpha-2 codes as the JDK knows them ({@link Locale#getISOCountries()}, kept current with
 * each JDK's CLDR update). Codes are accepted in either case, since clients send "gb" as often as "GB".
 */
public final class IsoCountries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private IsoCountries() {
    }

    /** The upper-case code if the value is an assigned alpha-2 code. */
    public static Optional<String> normalize(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        return CODES.contains(code) ? Optional.of(code) : Optional.empty();
    }

    public static int count() {
        return CODES.size();
    }
}
