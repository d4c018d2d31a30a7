package io.kycflow.workers.checks.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One document as the client gave it ({@code {url | b64_document, file_name, source_type, description}}).
 * {@link #describe()} is what a check result repeats about it: never the bytes.
 */
public record SubmittedDocument(String field, String url, String b64Document, String fileName, String sourceType,
                                String description) {

    /** The document as a result shows it: where it was and what it was called, without its content. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Described(String type, String field, String url, String file_name, String source_type,
                            String description) {
    }

    public static SubmittedDocument of(String field, JsonNode node) {
        return new SubmittedDocument(field, text(node, "url"), text(node, "b64_document"), text(node, "file_name"),
                text(node, "source_type"), text(node, "description"));
    }

    public Described describe() {
        return new Described("Document", field, url, fileName, sourceType == null ? "file_url" : sourceType, description);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}
