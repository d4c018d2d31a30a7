package io.kycflow.workers.checks.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read access to {@code kyc_schema.self_attested_data}. A field that is absent, {@code null}, not a
 * string or blank counts as not provided, so that every rule agrees on what "provided" means.
 */
public record SelfAttestedData(JsonNode node) {

    public static SelfAttestedData of(JsonNode subject) {
        JsonNode data = subject == null ? MissingNode.getInstance() : subject.path("self_attested_data");
        return new SelfAttestedData(data.isObject() ? data : MissingNode.getInstance());
    }

    /** The trimmed text at a path of object fields, e.g. {@code text("address", "country_code")}. */
    public Optional<String> text(String... path) {
        return textOf(node, path);
    }

    /** The entries of {@code associated_addresses}, in order; an entry that is not an object simply has no fields. */
    public List<JsonNode> associatedAddresses() {
        JsonNode array = node.path("associated_addresses");
        List<JsonNode> addresses = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(addresses::add);
        }
        return addresses;
    }

    static Optional<String> textOf(JsonNode from, String... path) {
        JsonNode current = from;
        for (String name : path) {
            current = current.path(name);
        }
        if (!current.isTextual() || current.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(current.asText().strip());
    }
}
