package io.kycflow.ingest.api;

/** One thing wrong with a request: which field (a dotted path such as {@code kyc_schema.self_attested_data.first_name}) and what. */
public record FieldProblem(String field, String problem) {
}
