package io.kycflow.workers.checks.documents.mrz;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * The ISO 3166 alpha-2 country of an MRZ nationality or issuing-state code: ICAO uses the alpha-3 codes, plus
 * a few of its own ({@code D} for Germany, the British {@code GBD/GBN/GBO/GBP/GBS}, Kosovo's {@code RKS}).
 * UN and stateless codes ({@code UNO}, {@code XXA}…) have no country.
 */
public final class IcaoNationality {

    private static final Map<String, String> ALPHA2 = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            try {
                ALPHA2.put(Locale.of("", alpha2).getISO3Country(), alpha2);
            } catch (MissingResourceException e) {
                // a country without an alpha-3 code in this JDK: ICAO would not use it either
            }
        }
        ALPHA2.put("D", "DE");
        for (String british : new String[]{"GBD", "GBN", "GBO", "GBP", "GBS"}) {
            ALPHA2.put(british, "GB");
        }
        ALPHA2.put("RKS", "XK");
    }

    private IcaoNationality() {
    }

    public static Optional<String> alpha2(String icao) {
        return Optional.ofNullable(icao == null ? null : ALPHA2.get(icao.strip()));
    }
}
