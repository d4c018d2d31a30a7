package io.kycflow.workers.checks.media;

import java.util.regex.Pattern;

/**
 * Word stems as one pattern: each matches at a word start, its spaces as any white space, and a stem ending in
 * {@code $} only as a whole word. Case is ignored.
 */
final class Stems {

    private Stems() {
    }

    static Pattern pattern(String... stems) {
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])(?:");
        for (int i = 0; i < stems.length; i++) {
            regex.append(i == 0 ? "" : "|").append(regex(stems[i]));
        }
        return Pattern.compile(regex.append(')').toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String regex(String stem) {
        boolean wholeWord = stem.endsWith("$");
        String body = wholeWord ? stem.substring(0, stem.length() - 1) : stem;
        String quoted = Pattern.quote(body).replace(" ", "\\E\\s+\\Q");
        return wholeWord ? quoted + "(?![\\p{L}\\p{N}])" : quoted;
    }
}
