package io.kycflow.ingest.api;

import java.util.List;
import java.util.random.RandomGenerator;

/** Small building blocks for the fuzz generators: lengths, strings over an alphabet, weighted choices. */
final class RandomText {

    /** Characters that upset parsers: quotes, escapes, separators, NUL, BEL, line breaks, non-ASCII, a surrogate pair. */
    static final String ALPHABET = "aZ09 .-_:/@%&=+;?#{}[]\"\\,'<>\u00e9\u4e2d\u0000\u0007\t\n\r\u2028\ud83d\ude00";
    private static final int[] ALPHABET_POINTS = ALPHABET.codePoints().toArray();

    private RandomText() {
    }

    /** A length up to {@code max}, biased to the edges: empty, very short and the maximum come up often. */
    static int length(RandomGenerator random, int max) {
        return switch (random.nextInt(10)) {
            case 0 -> 0;
            case 1 -> max;
            case 2, 3 -> random.nextInt(Math.min(max, 10) + 1);
            default -> random.nextInt(max + 1);
        };
    }

    /** Up to {@code maxLength} code points, three in four from {@link #ALPHABET}, the rest anywhere below U+2FFF. */
    static String mixed(RandomGenerator random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x2FFF) : ALPHABET_POINTS[random.nextInt(ALPHABET_POINTS.length)]);
        }
        return text.toString();
    }

    /** Up to {@code maxLength} characters drawn from {@code chars}. */
    static String of(RandomGenerator random, String chars, int maxLength) {
        int length = length(random, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    /** Up to {@code maxLength} characters between {@code from} and {@code to} inclusive. */
    static String range(RandomGenerator random, char from, char to, int maxLength) {
        int length = length(random, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (from + random.nextInt(to - from + 1)));
        }
        return text.toString();
    }

    /** Up to {@code maxLength} arbitrary UTF-16 units: controls, noncharacters and lone surrogates included. */
    static String anyChars(RandomGenerator random, int maxLength) {
        int length = length(random, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextBoolean() ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : (char) random.nextInt(0x10000));
        }
        return text.toString();
    }

    static <T> T pick(RandomGenerator random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** The index of one of {@code weights}, chosen in proportion to its weight. */
    static int weighted(RandomGenerator random, int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable");
    }
}
