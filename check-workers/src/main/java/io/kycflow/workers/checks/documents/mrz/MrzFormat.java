package io.kycflow.workers.checks.documents.mrz;

/** The ICAO 9303 machine-readable zone layouts: lines x characters. */
public enum MrzFormat {
    /** ID cards: 3 lines of 30. */
    TD1(3, 30),
    /** Larger ID cards and some visas: 2 lines of 36. */
    TD2(2, 36),
    /** Passports: 2 lines of 44. */
    TD3(2, 44);

    private final int lines;
    private final int length;

    MrzFormat(int lines, int length) {
        this.lines = lines;
        this.length = length;
    }

    public int lines() {
        return lines;
    }

    public int length() {
        return length;
    }
}
