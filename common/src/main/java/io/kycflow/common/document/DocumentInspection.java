package io.kycflow.common.document;

/** What inspecting a document found: its format, and its pages (PDF) or its size in pixels (an image; one page). */
public record DocumentInspection(DocumentFormat format, int pages, int width, int height, int bytes) {
}
