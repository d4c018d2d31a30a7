package io.kycflow.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.json.Json;
import io.kycflow.ingest.auth.Principal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** What handlers read from a request: the authenticated caller, a JSON body, boolean query flags. */
final class RequestContext {

    static final String PRINCIPAL = "kycflow.principal";
    /**
     * A body's fields end up a few levels deeper inside the command and the job that carry them, which
     * every reader parses with {@link Json#MAX_NESTING_DEPTH}: the edge keeps that headroom, so what it
     * accepts can always be read back.
     */
    static final int MAX_BODY_NESTING = Json.MAX_NESTING_DEPTH - 8;
    private static final ObjectMapper BODY_READER = bodyReader();

    private RequestContext() {
    }

    static Principal principal(Context ctx, String scope) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw ApiError.unauthorized("a bearer token or API key is required");
        }
        if (!principal.may(scope)) {
            throw ApiError.forbidden("this key lacks the scope " + scope);
        }
        return principal;
    }

    static JsonNode jsonBody(Context ctx) {
        String type = ctx.contentType();
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw ApiError.unsupportedMediaType();
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw ApiError.invalidField("body", "empty: send a JSON object");
        }
        try {
            return BODY_READER.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ApiError.badRequest("The request body is not valid JSON.",
                    List.of(new FieldProblem("body", "malformed JSON" + where + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw ApiError.invalidField("body", "could not be read");
        }
    }

    private static ObjectMapper bodyReader() {
        ObjectMapper reader = Json.mapper().copy();
        reader.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_BODY_NESTING)
                .maxStringLength(Json.MAX_STRING_LENGTH)
                .build());
        return reader;
    }

    static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw ApiError.invalidField(name, "must be true or false");
    }

    /** A {@code job_id} as every operation takes it: required, 1-128 of {@code [A-Za-z0-9._:-]}. */
    static String jobId(String value) {
        if (value == null || value.isEmpty()) {
            throw ApiError.invalidField("job_id", "required");
        }
        if (!JobKey.isValidJobId(value)) {
            throw ApiError.invalidField("job_id", "must be 1-128 characters of A-Z a-z 0-9 . _ : -");
        }
        return value;
    }
}
