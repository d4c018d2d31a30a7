package io.kycflow.workers.checks.documents;

/** One test applied to a document ({@code document_type}, {@code name}, {@code address}, {@code date}…): passed or not, and why. */
public record DocumentFinding(String check, boolean passed, String explanation) {
}
