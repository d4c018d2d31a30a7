package io.kycflow.workers.checks.documents.mrz;

/**
 * One ICAO 9303 check digit: which field it guards, the digit printed and the digit computed (weights 7, 3, 1
 * repeating; digits count as themselves, A-Z as 10-35, the filler {@code <} as 0).
 */
public record CheckDigit(String field, char printed, int computed) {

    public boolean valid() {
        // A field left empty may carry '<' as its check digit (ICAO 9303 part 3, 4.9).
        return printed == '<' ? computed == 0 : Character.isDigit(printed) && printed - '0' == computed;
    }

    public static CheckDigit of(String field, String data, char printed) {
        return new CheckDigit(field, printed, compute(data));
    }

    public static int compute(String data) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            sum += value(data.charAt(i)) * weights[i % 3];
        }
        return sum % 10;
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return 0; // '<'
    }
}
