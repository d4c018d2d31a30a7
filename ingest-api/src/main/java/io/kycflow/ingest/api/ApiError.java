package io.kycflow.ingest.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer other than success, rendered as {@code {"error": "...", "details": [{"field", "problem"}]}}
 * plus any extra fields (the 409's and 503's {@code job_id}). Handlers throw it; one exception mapper
 * writes it, so every error has the same shape.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final List<FieldProblem> details;
    private final Map<String, Object> extra;
    private final Map<String, String> headers;

    private ApiError(int status, String error, List<FieldProblem> details, Map<String, Object> extra,
                     Map<String, String> headers) {
        super(error, null, false, false);
        this.status = status;
        this.details = List.copyOf(details);
        this.extra = Map.copyOf(extra);
        this.headers = Map.copyOf(headers);
    }

    public static ApiError badRequest(String error, List<FieldProblem> details) {
        return new ApiError(400, error, details, Map.of(), Map.of());
    }

    public static ApiError invalidField(String field, String problem) {
        return badRequest("Invalid request.", List.of(new FieldProblem(field, problem)));
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(401, "Unauthorized", List.of(new FieldProblem("Authorization", message)), Map.of(),
                Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ApiError forbidden(String message) {
        return new ApiError(403, "Forbidden", List.of(new FieldProblem("Authorization", message)), Map.of(), Map.of());
    }

    /** Authenticated, but this tenant may not do this with {@code field}'s value (e.g. an agent it is not allowed). */
    public static ApiError forbidden(String field, String problem) {
        return new ApiError(403, "Forbidden", List.of(new FieldProblem(field, problem)), Map.of(), Map.of());
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, message, List.of(), Map.of(), Map.of());
    }

    public static ApiError duplicateJob(String jobId) {
        return new ApiError(409, "Job with the provided ID already exists.", List.of(), Map.of("job_id", jobId), Map.of());
    }

    /** The job exists but its state forbids the operation (cancel a finished job, retry an unfinished one). */
    public static ApiError conflict(String message, String jobId) {
        return new ApiError(409, message, List.of(new FieldProblem("job_id", "the job's state does not allow this")),
                Map.of("job_id", jobId), Map.of());
    }

    public static ApiError unavailable(String message, String jobId, int retryAfterSeconds) {
        Map<String, Object> extra = jobId == null ? Map.of() : Map.of("job_id", jobId);
        return new ApiError(503, message, List.of(), extra, Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public static ApiError unsupportedMediaType() {
        return new ApiError(415, "Unsupported media type.",
                List.of(new FieldProblem("Content-Type", "must be application/json")), Map.of(), Map.of());
    }

    public static ApiError tooManyRequests(int perSecond, long retryAfterSeconds) {
        return tooManyRequests(perSecond, "requests", retryAfterSeconds);
    }

    /** @param unit what the limit counts: "requests", or "names screened" for the screening endpoint */
    public static ApiError tooManyRequests(int perSecond, String unit, long retryAfterSeconds) {
        String message = unit.equals("requests")
                ? "Too many requests: your tenant may send " + perSecond + " per second to this instance."
                : "Too many " + unit + ": your tenant may have " + perSecond + " " + unit + " per second on this instance.";
        return new ApiError(429, message, List.of(), Map.of(), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public static ApiError of(int status, String message) {
        return new ApiError(status, message, List.of(), Map.of(), Map.of());
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", getMessage());
        body.putAll(extra);
        if (!details.isEmpty()) {
            body.put("details", details);
        }
        return body;
    }
}
