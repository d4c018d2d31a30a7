package io.kycflow.screening.model;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a country as lists and customers write it ("Russia", "Korea, North", "Iranian", "ru") into an ISO
 * 3166-1 alpha-2 code, so nationality can corroborate a match whatever spelling each side used.
 */
public final class Countries {
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale locale = Locale.of("", code);
            BY_NAME.put(key(locale.getDisplayCountry(Locale.ENGLISH)), code);
            BY_NAME.put(key(code), code);
            BY_NAME.put(key(locale.getISO3Country()), code);
        }
        // Spellings used by sanctions lists and customers that the JDK's English names do not cover.
        String[][] extra = {
                {"russian federation", "RU"}, {"russia", "RU"}, {"russian", "RU"},
                {"iran", "IR"}, {"iran islamic republic of", "IR"}, {"iranian", "IR"},
                {"syria", "SY"}, {"syrian arab republic", "SY"}, {"syrian", "SY"},
                {"north korea", "KP"}, {"korea north", "KP"}, {"democratic peoples republic of korea", "KP"},
                {"korea democratic peoples republic of", "KP"}, {"dprk", "KP"}, {"north korean", "KP"},
                {"south korea", "KR"}, {"korea south", "KR"}, {"republic of korea", "KR"}, {"korea republic of", "KR"},
                {"united kingdom", "GB"}, {"uk", "GB"}, {"great britain", "GB"}, {"british", "GB"},
                {"united kingdom of great britain and northern ireland", "GB"},
                {"united states", "US"}, {"usa", "US"}, {"united states of america", "US"}, {"american", "US"},
                {"democratic republic of the congo", "CD"}, {"congo democratic republic of the", "CD"},
                {"congo democratic republic", "CD"}, {"drc", "CD"}, {"republic of the congo", "CG"},
                {"venezuela", "VE"}, {"venezuela bolivarian republic of", "VE"}, {"bolivia", "BO"},
                {"tanzania", "TZ"}, {"united republic of tanzania", "TZ"}, {"vietnam", "VN"}, {"viet nam", "VN"},
                {"laos", "LA"}, {"lao peoples democratic republic", "LA"}, {"moldova", "MD"},
                {"republic of moldova", "MD"}, {"palestinian", "PS"}, {"palestine", "PS"},
                {"state of palestine", "PS"}, {"west bank", "PS"}, {"gaza", "PS"}, {"turkey", "TR"},
                {"turkiye", "TR"}, {"burma", "MM"}, {"myanmar", "MM"}, {"ivory coast", "CI"},
                {"cote divoire", "CI"}, {"czech republic", "CZ"}, {"macedonia", "MK"}, {"kosovo", "XK"},
                {"taiwan", "TW"}, {"hong kong", "HK"}, {"macau", "MO"}, {"micronesia", "FM"},
                {"afghan", "AF"}, {"iraqi", "IQ"}, {"pakistani", "PK"}, {"saudi", "SA"}, {"yemeni", "YE"},
                {"egyptian", "EG"}, {"libyan", "LY"}, {"sudanese", "SD"}, {"somali", "SO"}, {"lebanese", "LB"},
                {"jordanian", "JO"}, {"kuwaiti", "KW"}, {"qatari", "QA"}, {"emirati", "AE"}, {"uae", "AE"},
                {"tunisian", "TN"}, {"algerian", "DZ"}, {"moroccan", "MA"}, {"indonesian", "ID"},
                {"filipino", "PH"}, {"malaysian", "MY"}, {"chinese", "CN"}, {"ukrainian", "UA"},
                {"belarusian", "BY"}, {"cuban", "CU"}, {"nigerian", "NG"}, {"malian", "ML"},
                {"german", "DE"}, {"french", "FR"}, {"spanish", "ES"}, {"italian", "IT"}, {"indian", "IN"},
                {"turkish", "TR"}, {"kazakh", "KZ"}, {"uzbek", "UZ"}, {"tajik", "TJ"}, {"bahraini", "BH"},
                {"omani", "OM"}, {"eritrean", "ER"}, {"ethiopian", "ET"}, {"kenyan", "KE"}, {"mexican", "MX"},
                {"colombian", "CO"}, {"venezuelan", "VE"}, {"nicaraguan", "NI"}, {"brazilian", "BR"},
                {"the gambia", "GM"}, {"gambia", "GM"}, {"the bahamas", "BS"}, {"cape verde", "CV"},
                {"swaziland", "SZ"}, {"east timor", "TL"}, {"vatican", "VA"}, {"brunei", "BN"},
        };
        for (String[] e : extra) {
            BY_NAME.put(key(e[0]), e[1]);
        }
    }

    private Countries() {
    }

    /** The ISO alpha-2 code for a country name, code or demonym, if recognised. */
    public static Optional<String> isoCode(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String code = BY_NAME.get(key(text));
        if (code == null) {
            // "Syria (Syrian Arab Republic)", "Iran (as of 2019)": try the text before a bracket.
            int bracket = text.indexOf('(');
            if (bracket > 0) {
                code = BY_NAME.get(key(text.substring(0, bracket)));
            }
        }
        return Optional.ofNullable(code);
    }

    /** The ISO code when recognised, else the stripped text (kept so nothing published is lost). */
    public static String codeOrText(String text) {
        return isoCode(text).orElse(text.strip());
    }

    private static String key(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("['’]", "").replaceAll("[^a-z0-9]+", " ").strip()
                .replaceAll("^the ", "");
    }
}
