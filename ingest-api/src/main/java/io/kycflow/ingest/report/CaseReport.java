package io.kycflow.ingest.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.review.ScreeningHits;
import io.kycflow.common.review.ScreeningHits.ScreeningHit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The PDF case report of {@code downloadReport}: the subject, then every job of the case (oldest first) with
 * its checks, hits and their explanations, the list versions screened, the review decisions and the times,
 * made from the jobs as the API renders them. It holds the subject's personal data: it is an answer to the
 * data's owner, made on request and never stored.
 */
public final class CaseReport {

    private CaseReport() {
    }

    public static byte[] render(String tenantId, String caseId, String requestedBy, Instant generatedAt, List<JsonNode> jobs) {
        List<JsonNode> oldestFirst = new ArrayList<>(jobs);
        oldestFirst.sort(Comparator.comparing((JsonNode j) -> j.path("created_at").asText()));
        try (PdfPages pdf = new PdfPages()) {
            pdf.title("KYC case report");
            pdf.field("Case", caseId);
            pdf.field("Tenant", tenantId);
            pdf.field("Jobs", Integer.toString(oldestFirst.size()));
            pdf.field("Generated", generatedAt + " for API key " + requestedBy);

            JsonNode latest = oldestFirst.get(oldestFirst.size() - 1);
            subject(pdf, latest.path("input_payload"));
            for (JsonNode job : oldestFirst) {
                job(pdf, job);
            }
            return pdf.finish();
        }
    }

    private static void subject(PdfPages pdf, JsonNode payload) {
        pdf.heading("Subject");
        JsonNode data = payload.path("self_attested_data");
        if (data.isMissingNode()) {
            pdf.paragraph("Not available (the job's personal data was deleted, or the tenant keeps it out of reports).");
            return;
        }
        String name = String.join(" ", List.of(data.path("name_prefix").asText(""), data.path("first_name").asText(""),
                data.path("middle_name").asText(""), data.path("last_name").asText(""), data.path("name_suffix").asText("")))
                .replaceAll(" +", " ").strip();
        pdf.field("Name", name);
        pdf.field("Date of birth", data.path("date_of_birth").asText(""));
        pdf.field("Nationality", data.path("country_of_nationality").asText(""));
        pdf.field("Residence", data.path("country_of_residence").asText(""));
        JsonNode address = data.path("address");
        if (address.isObject()) {
            pdf.field("Address", String.join(", ", List.of(address.path("street_1").asText(""), address.path("street_2").asText(""),
                    address.path("city").asText(""), address.path("state").asText(""), address.path("postal_code").asText(""),
                    address.path("country_code").asText(""))).replaceAll("(, )+", ", ").replaceAll("^, |, $", ""));
        }
        pdf.field("Email", data.path("email").asText(""));
        pdf.field("Phone", data.path("phone").asText(""));
    }

    private static void job(PdfPages pdf, JsonNode job) {
        pdf.heading("Job " + job.path("id").asText());
        pdf.field("Agent", job.path("agent_id").asText() + " version " + job.path("agent_version_id").asText());
        pdf.field("Status", job.path("status").asText());
        pdf.field("Recommendation", job.path("recommendation").asText(""));
        pdf.field("Queued", job.path("queued_at").asText(""));
        pdf.field("Completed", job.path("completed_at").asText(""));
        for (JsonNode check : job.path("check_results")) {
            check(pdf, check);
        }
        review(pdf, job.path("review"));
    }

    private static void check(PdfPages pdf, JsonNode check) {
        String checkId = check.path("command_id").asText();
        String verdict = check.path("passed").isBoolean() ? (check.path("passed").asBoolean() ? ", passed" : ", failed") : "";
        pdf.subheading(check.path("command_name").asText(checkId) + " (" + check.path("status").asText() + verdict + ")");
        pdf.field("Answer", check.path("answer").asText(""));
        pdf.field("Ran", check.path("check_start_time").asText("") + " to " + check.path("check_end_time").asText(""));
        if (check.hasNonNull("error")) {
            pdf.field("Error", check.at("/error/code").asText() + ": " + check.at("/error/message").asText());
        }
        JsonNode payload = check.path("payload");
        for (ScreeningHit hit : ScreeningHits.of(checkId, payload)) {
            JsonNode f = hit.fields();
            pdf.paragraph("Hit " + hit.list() + " entry " + hit.hitId() + ": \"" + hit.matchedName() + "\""
                    + (f.hasNonNull("full_name") ? " (listed as \"" + f.path("full_name").asText() + "\")" : "")
                    + ", score " + f.path("score").asText("") + ", "
                    + f.at("/profile_review/match_rating/match").asText(f.path("rating").asText("")));
            String explanation = f.at("/profile_review/match_rating/explanation").asText(f.path("explanation").asText(""));
            if (!explanation.isEmpty()) {
                pdf.paragraph("    " + explanation);
            }
        }
        for (JsonNode list : payload.path("lists")) {
            pdf.paragraph("List " + list.path("list").asText() + " version " + list.path("version").asText() + " of "
                    + list.path("date").asText() + ", " + list.path("record_count").asText() + " records, sha256 "
                    + list.path("sha256").asText());
        }
        if (check.hasNonNull("explanation") && !check.path("explanation").asText().isEmpty()) {
            pdf.paragraph("Explanation: " + check.path("explanation").asText());
        }
    }

    private static void review(PdfPages pdf, JsonNode review) {
        pdf.subheading("Review: " + review.path("status").asText("pending"));
        JsonNode history = review.path("history");
        if (history.isEmpty()) {
            pdf.paragraph("No decision recorded.");
        }
        for (JsonNode d : history) {
            String what = "hit_review".equals(d.path("type").asText())
                    ? "hit " + d.path("list").asText("") + " " + d.path("hit_id").asText() + " judged "
                    + d.path("verdict").asText().replace('_', ' ')
                    : "case " + d.path("decision").asText();
            String why = d.hasNonNull("reason") ? d.path("reason").asText() : d.path("comment").asText("");
            pdf.paragraph(d.path("decided_at").asText() + ", key " + d.path("decided_by").asText() + ": " + what
                    + (why.isEmpty() ? "" : ". Why: " + why));
        }
    }
}
