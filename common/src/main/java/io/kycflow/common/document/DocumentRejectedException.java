package io.kycflow.common.document;

/**
 * A document kycflow will not read: its problem is written for the client ("is a PDF of 14 pages; at most
 * 10 are read") and names no personal data, so it can go in a 400 or a check result as it is.
 */
public class DocumentRejectedException extends Exception {

    public DocumentRejectedException(String problem) {
        super(problem);
    }
}
