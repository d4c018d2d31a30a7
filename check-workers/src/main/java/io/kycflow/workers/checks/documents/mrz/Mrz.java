package io.kycflow.workers.checks.documents.mrz;

import java.util.List;

/**
 * A parsed machine-readable zone. Names are as printed (upper case, transliterated, {@code <} as spaces); dates
 * are the raw {@code YYMMDD}; {@code checkDigits} holds every check digit of the format with its verdict.
 */
public record Mrz(MrzFormat format, String documentCode, String issuingState, String surname, String givenNames,
                  String documentNumber, String nationality, String birthDate, String sex, String expiryDate,
                  List<CheckDigit> checkDigits) {

    public Mrz {
        checkDigits = List.copyOf(checkDigits);
    }

    public boolean checkDigitsValid() {
        return checkDigits.stream().allMatch(CheckDigit::valid);
    }
}
