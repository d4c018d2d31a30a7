package io.kycflow.workers.checks.documents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.text.Normalizer;

/**
 * Whether a document shows the self-attested address. Both sides are normalised the same way (case,
 * accents, punctuation, the usual abbreviations: "St" is "street", "Rd" "road", "Apt" "apartment"…), and
 * each part is looked for on its own, so the order and line breaks of the document do not matter:
 * <ul>
 *   <li>street: the house number exactly, and every word of {@code street_1};</li>
 *   <li>city: every word of it;</li>
 *   <li>postal code: without spaces or case ("SW1A 1AA" = "sw1a1aa"); a US ZIP+4 matches its 5 digits.</li>
 * </ul>
 * The address matches when every given part is found; {@code street_2} and {@code state} are reported but do
 * not decide (documents abbreviate them too freely: "Flat 2" / "2nd floor", "California" / "CA").
 */
public final class AddressOnDocument {

    /** One part of the address: given, found or not. */
    public record PartFinding(String part, boolean found) {
    }

    /** The verdict: each part, and the document lines where the parts were found. */
    public record AddressMatch(List<PartFinding> parts, List<String> lines, boolean matches) {
    }

    private static final Map<String, String> ABBREVIATIONS = new LinkedHashMap<>();

    static {
        String[][] pairs = {
                {"st", "street"}, {"str", "street"}, {"rd", "road"}, {"ave", "avenue"}, {"av", "avenue"},
                {"blvd", "boulevard"}, {"ln", "lane"}, {"dr", "drive"}, {"ct", "court"}, {"pl", "place"},
                {"sq", "square"}, {"hwy", "highway"}, {"pkwy", "parkway"}, {"cres", "crescent"}, {"cl", "close"},
                {"gdns", "gardens"}, {"ter", "terrace"}, {"terr", "terrace"}, {"apt", "apartment"}, {"ste", "suite"},
                {"fl", "floor"}, {"bldg", "building"}, {"mt", "mount"}, {"ft", "fort"}, {"n", "north"},
                {"s", "south"}, {"e", "east"}, {"w", "west"}, {"ne", "northeast"}, {"nw", "northwest"},
                {"se", "southeast"}, {"sw", "southwest"}, {"no", "number"}, {"nr", "number"}};
        for (String[] pair : pairs) {
            ABBREVIATIONS.put(pair[0], pair[1]);
        }
    }

    public AddressMatch match(Map<String, String> address, List<String> documentLines) {
        List<List<String>> lines = documentLines.stream().map(AddressOnDocument::words).toList();
        String squashed = String.join("", documentLines).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        List<PartFinding> parts = new ArrayList<>();
        List<String> foundOn = new ArrayList<>();
        boolean matches = true;
        boolean anyGiven = false;
        for (String part : List.of("street_1", "street_2", "city", "state", "postal_code")) {
            String value = address.get(part);
            if (value == null || value.isBlank()) {
                continue;
            }
            boolean deciding = !part.equals("street_2") && !part.equals("state");
            anyGiven |= deciding;
            Optional<Integer> line = part.equals("postal_code")
                    ? postalCode(value, documentLines, squashed)
                    : wordsOnOneLine(words(value), lines);
            parts.add(new PartFinding(part, line.isPresent()));
            line.filter(i -> i >= 0).map(documentLines::get).filter(l -> !foundOn.contains(l)).ifPresent(foundOn::add);
            if (deciding && line.isEmpty()) {
                matches = false;
            }
        }
        return new AddressMatch(parts, foundOn, matches && anyGiven);
    }

    /** The first line holding every word (numbers exactly), or, failing that, two adjacent lines holding them. */
    private static Optional<Integer> wordsOnOneLine(List<String> wanted, List<List<String>> lines) {
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).containsAll(wanted)) {
                return Optional.of(i);
            }
            if (i + 1 < lines.size()) {
                List<String> joined = new ArrayList<>(lines.get(i));
                joined.addAll(lines.get(i + 1));
                if (joined.containsAll(wanted)) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> postalCode(String value, List<String> lines, String squashed) {
        String code = value.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        if (code.matches("\\d{9}")) {
            code = code.substring(0, 5); // ZIP+4 written without its hyphen: the ZIP decides
        }
        if (code.isEmpty() || !squashed.contains(code)) {
            return Optional.empty();
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "").contains(code)) {
                return Optional.of(i);
            }
        }
        return Optional.of(-1); // across a line break: found, but on no single line
    }

    /** Lower case, no accents, no punctuation, abbreviations spelled out, "12b" kept as one word. */
    static List<String> words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("ß", "ss").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        if (plain.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(plain.split(" ")).map(w -> ABBREVIATIONS.getOrDefault(w, w)).toList();
    }
}
