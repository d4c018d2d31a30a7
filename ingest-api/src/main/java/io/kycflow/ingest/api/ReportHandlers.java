package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.kycflow.ingest.auth.Principal;
import io.kycflow.ingest.report.CaseReport;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/v1/downloadReport {case_id, agent_key}}: the case report as a PDF (the reference API's
 * operation; its {@code force_refresh_report}, {@code download_test_report} and {@code report_version} are
 * accepted: the report is made fresh on every request, from the jobs as they are).
 */
public final class ReportHandlers {

    private static final Set<String> REPORT_VERSIONS = Set.of("v1", "v2");

    private final ListingHandlers listings;
    private final Clock clock;

    public ReportHandlers(ListingHandlers listings, Clock clock) {
        this.listings = listings;
        this.clock = clock;
    }

    public void download(Context ctx) {
        Principal caller = RequestContext.principal(ctx, Principal.JOBS_READ);
        JsonNode body = RequestContext.jsonBody(ctx);
        if (!body.isObject()) {
            throw ApiError.invalidField("body", "must be a JSON object");
        }
        String caseId = text(body, "case_id", 256).orElseThrow(() -> ApiError.invalidField("case_id", "required"));
        Optional<String> agentKey = text(body, "agent_key", 128);
        Optional<String> version = text(body, "report_version", 8);
        if (version.isPresent() && !REPORT_VERSIONS.contains(version.get())) {
            throw ApiError.invalidField("report_version", "must be v1 or v2");
        }
        for (String flag : List.of("force_refresh_report", "download_test_report")) {
            JsonNode value = body.get(flag);
            if (value != null && !value.isNull() && !value.isBoolean()) {
                throw ApiError.invalidField(flag, "must be true or false");
            }
        }
        List<JsonNode> jobs = listings.caseJobs(ctx, caller, caseId, agentKey);
        if (jobs.isEmpty()) {
            throw ApiError.notFound("No job of this case" + (agentKey.isPresent() ? " and agent" : "") + ".");
        }
        byte[] pdf = CaseReport.render(caller.tenantId(), caseId, caller.keyId(), clock.instant(), jobs);
        String file = "case-" + caseId.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"").header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff").contentType("application/pdf").result(pdf);
    }

    private static Optional<String> text(JsonNode body, String field, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiError.invalidField(field, "must be a string");
        }
        if (value.asText().isEmpty()) {
            return Optional.empty();
        }
        if (value.asText().length() > max) {
            throw ApiError.invalidField(field, "longer than " + max + " characters");
        }
        return Optional.of(value.asText());
    }
}
