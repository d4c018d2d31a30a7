package io.kycflow.workers.check;

/**
 * A check cannot give a verdict now (no lists loaded, lists too old, a source down). The worker turns it
 * into an {@code error} result with this code and message, which names no personal data.
 */
public class CheckUnavailableException extends Exception {

    private final String code;

    public CheckUnavailableException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
