package io.kycflow.ingest.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.review.ScreeningHits;
import io.kycflow.common.review.ScreeningHits.ScreeningHit;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.kycflow.ingest.console.Html.query;
import static io.kycflow.ingest.console.Html.text;

/**
 * The console's pages, rendered on the server from the API's JSON. Every value that came from outside goes
 * through {@link Html#text}; no page has a script, and the stylesheet is the console's own (see the CSP in
 * {@link ConsoleRoutes}).
 */
final class ConsolePages {

    /** Deep payloads are shown to this depth; below it, as compact JSON text. */
    private static final int MAX_DEPTH = 6;

    private ConsolePages() {
    }

    /** What the queue was asked for, echoed back into its filter form and its paging link. */
    record QueueFilter(String agentKey, String status, String caseId, String from, String to, boolean showDecided) {
        String asQuery() {
            StringBuilder b = new StringBuilder();
            append(b, "agent_key", agentKey);
            append(b, "status", status);
            append(b, "case_id", caseId);
            append(b, "from", from);
            append(b, "to", to);
            if (showDecided) {
                append(b, "decided", "1");
            }
            return b.toString();
        }

        private static void append(StringBuilder b, String name, String value) {
            if (value != null && !value.isEmpty()) {
                b.append('&').append(name).append('=').append(query(value));
            }
        }
    }

    static String signIn(String signInToken, String problem) {
        StringBuilder b = new StringBuilder();
        b.append("<section class=\"signin\"><h1>Sign in</h1>");
        if (problem != null) {
            b.append("<p class=\"problem\" id=\"problem\">").append(text(problem)).append("</p>");
        }
        b.append("<form method=\"post\" action=\"/console/login\" autocomplete=\"off\">")
                .append(hidden("signin", signInToken))
                .append("<label for=\"credential\">API key or access token</label>")
                .append("<input type=\"password\" id=\"credential\" name=\"credential\" required maxlength=\"4096\">")
                .append("<button type=\"submit\" id=\"sign-in\">Sign in</button></form>")
                .append("<p class=\"hint\">A key with <code>jobs:read</code> only can look at cases but not decide them.</p>")
                .append("</section>");
        return layout("Sign in", null, b.toString());
    }

    static String queue(ConsoleSession.Session session, QueueFilter filter, List<JsonNode> jobs, String nextCursor,
                        int scanned) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Review queue</h1>");
        b.append("<form method=\"get\" action=\"/console\" class=\"filters\" id=\"filters\">")
                .append(input("agent_key", "Agent", filter.agentKey(), "text"))
                .append("<label>Status <select name=\"status\">");
        for (String status : List.of("", "complete", "error", "failed", "cancelled", "in progress", "queued")) {
            b.append("<option value=\"").append(text(status)).append('"')
                    .append(status.equals(filter.status() == null ? "" : filter.status()) ? " selected" : "")
                    .append('>').append(status.isEmpty() ? "any" : text(status)).append("</option>");
        }
        b.append("</select></label>")
                .append(input("case_id", "Case id", filter.caseId(), "text"))
                .append(input("from", "Created from", filter.from(), "date"))
                .append(input("to", "to", filter.to(), "date"))
                .append("<label><input type=\"checkbox\" name=\"decided\" value=\"1\"")
                .append(filter.showDecided() ? " checked" : "").append("> include decided</label>")
                .append("<button type=\"submit\">Filter</button></form>");
        b.append("<p class=\"hint\">Jobs that need a decision: recommendation Review or Deny, or status error")
                .append(filter.showDecided() ? "" : ", not yet approved or rejected")
                .append(". ").append(scanned).append(" job(s) read, newest first.</p>");
        if (jobs.isEmpty()) {
            b.append("<p id=\"empty\">Nothing to review here.</p>");
        } else {
            b.append("<table id=\"queue\"><thead><tr><th>Created</th><th>Case</th><th>Agent</th><th>Status</th>")
                    .append("<th>Recommendation</th><th>Review</th><th>Job</th></tr></thead><tbody>");
            for (JsonNode job : jobs) {
                String id = job.path("id").asText();
                b.append("<tr data-job-id=\"").append(text(id)).append("\">")
                        .append(cell(job.path("created_at").asText()))
                        .append("<td><a href=\"/console?case_id=").append(text(query(job.path("case_id").asText())))
                        .append("\">").append(text(job.path("case_id").asText())).append("</a></td>")
                        .append(cell(job.path("agent_id").asText()))
                        .append("<td><span class=\"status ").append(cssWord(job.path("status").asText())).append("\">")
                        .append(text(job.path("status").asText())).append("</span></td>")
                        .append("<td><span class=\"rec ").append(cssWord(job.path("recommendation").asText())).append("\">")
                        .append(text(job.path("recommendation").asText("—"))).append("</span></td>")
                        .append(cell(job.at("/review/status").asText("pending")))
                        .append("<td><a class=\"open-job\" href=\"/console/jobs/").append(text(query(id))).append("\">")
                        .append(text(id)).append("</a></td></tr>");
            }
            b.append("</tbody></table>");
        }
        if (nextCursor != null) {
            b.append("<p><a id=\"older\" href=\"/console?cursor=").append(text(query(nextCursor)))
                    .append(text(filter.asQuery())).append("\">Older jobs →</a></p>");
        }
        return layout("Review queue", session, b.toString());
    }

    static String job(ConsoleSession.Session session, JsonNode job, List<JsonNode> caseJobs, String notice, String problem) {
        String id = job.path("id").asText();
        JsonNode review = job.path("review");
        StringBuilder b = new StringBuilder();
        b.append("<p><a href=\"/console\">← Queue</a></p>");
        b.append("<h1>Job <span id=\"job-id\">").append(text(id)).append("</span></h1>");
        if (notice != null) {
            b.append("<p class=\"notice\" id=\"notice\">").append(text(notice)).append("</p>");
        }
        if (problem != null) {
            b.append("<p class=\"problem\" id=\"problem\">").append(text(problem)).append("</p>");
        }
        b.append("<dl class=\"summary\">")
                .append(term("Case", job.path("case_id").asText()))
                .append(term("Agent", job.path("agent_id").asText() + " (version " + job.path("agent_version_id").asText() + ")"))
                .append(term("Status", job.path("status").asText()))
                .append(term("Recommendation", job.path("recommendation").asText("—")))
                .append("<dt>Review</dt><dd id=\"review-status\">").append(text(review.path("status").asText("pending"))).append("</dd>")
                .append(term("Created", job.path("created_at").asText()))
                .append(term("Completed", job.path("completed_at").asText("—")))
                .append("</dl>");
        b.append("<p><a id=\"report\" class=\"button\" href=\"/console/jobs/").append(text(query(id)))
                .append("/report.pdf\">Download the case report (PDF)</a></p>");

        b.append("<h2>Subject</h2>").append(json(job.path("input_payload"), 0));

        b.append("<h2>Checks</h2>");
        int checkIndex = 0;
        for (JsonNode check : job.path("check_results")) {
            b.append(check(session, id, check, review, checkIndex++));
        }

        b.append("<h2>Case decision</h2>");
        if (session.mayDecide()) {
            b.append("<form method=\"post\" id=\"decide\" action=\"/console/jobs/").append(text(query(id))).append("/decision\">")
                    .append(hidden("csrf", session.csrf()))
                    .append("<label>Decision <select name=\"decision\" id=\"decision\"><option value=\"approve\">approve</option>")
                    .append("<option value=\"reject\">reject</option><option value=\"escalate\">escalate</option></select></label>")
                    .append("<label>Comment <textarea name=\"comment\" id=\"comment\" required maxlength=\"1000\"></textarea></label>")
                    .append("<button type=\"submit\" id=\"decide-submit\">Record decision</button></form>");
        } else {
            b.append("<p class=\"hint\" id=\"read-only\">Your key is read-only (<code>jobs:read</code>): you can look but not decide.</p>");
        }

        b.append("<h2>Audit trail</h2>");
        JsonNode history = review.path("history");
        if (history.isEmpty()) {
            b.append("<p id=\"no-decisions\">No decision yet.</p>");
        } else {
            b.append("<table id=\"audit\"><thead><tr><th>When</th><th>Who (key)</th><th>What</th><th>Why</th></tr></thead><tbody>");
            for (JsonNode d : history) {
                b.append("<tr>").append(cell(d.path("decided_at").asText())).append(cell(d.path("decided_by").asText()))
                        .append(cell(describe(d)))
                        .append(cell(d.hasNonNull("reason") ? d.path("reason").asText() : d.path("comment").asText("")))
                        .append("</tr>");
            }
            b.append("</tbody></table>");
        }

        b.append("<h2>Case history</h2>");
        b.append("<table id=\"case-history\"><thead><tr><th>Created</th><th>Job</th><th>Agent</th><th>Status</th>")
                .append("<th>Recommendation</th><th>Review</th><th>Decision</th></tr></thead><tbody>");
        for (JsonNode other : caseJobs) {
            String otherId = other.path("id").asText();
            JsonNode decision = other.at("/review/decision");
            b.append(otherId.equals(id) ? "<tr class=\"this\">" : "<tr>")
                    .append(cell(other.path("created_at").asText()))
                    .append("<td><a href=\"/console/jobs/").append(text(query(otherId))).append("\">").append(text(otherId))
                    .append("</a></td>")
                    .append(cell(other.path("agent_id").asText()))
                    .append(cell(other.path("status").asText()))
                    .append(cell(other.path("recommendation").asText("—")))
                    .append(cell(other.at("/review/status").asText("pending")))
                    .append(cell(decision.isMissingNode() || decision.isNull() ? "—"
                            : decision.path("decision").asText() + " by " + decision.path("decided_by").asText()
                            + " at " + decision.path("decided_at").asText()))
                    .append("</tr>");
        }
        b.append("</tbody></table>");
        return layout("Job " + id, session, b.toString());
    }

    private static String check(ConsoleSession.Session session, String jobId, JsonNode check, JsonNode review, int index) {
        String checkId = check.path("command_id").asText();
        StringBuilder b = new StringBuilder();
        b.append("<section class=\"check\" id=\"check-").append(index).append("\" data-check-id=\"").append(text(checkId)).append("\">")
                .append("<h3>").append(text(check.path("command_name").asText(checkId))).append(" <span class=\"status ")
                .append(cssWord(check.path("status").asText())).append("\">").append(text(check.path("status").asText()))
                .append("</span>").append(verdict(check.path("passed"))).append("</h3>");
        b.append("<dl class=\"summary\">")
                .append(term("Check", checkId))
                .append(term("Answer", check.path("answer").asText("—")))
                .append(term("Started", check.path("check_start_time").asText("—")))
                .append(term("Ended", check.path("check_end_time").asText("—")));
        if (check.hasNonNull("error")) {
            b.append(term("Error", check.at("/error/code").asText() + ": " + check.at("/error/message").asText()));
        }
        b.append("</dl>");
        if (check.hasNonNull("explanation")) {
            b.append("<p class=\"explanation\">").append(text(check.path("explanation").asText())).append("</p>");
        }
        JsonNode payload = check.path("payload");
        List<ScreeningHit> hits = ScreeningHits.of(checkId, payload);
        if (!hits.isEmpty()) {
            b.append("<h4>Hits</h4><table class=\"hits\"><thead><tr><th>Matched name</th><th>Listed as</th><th>List</th>")
                    .append("<th>Entry id</th><th>Score</th><th>Rating</th><th>Explanation</th><th>Verdict</th></tr></thead><tbody>");
            int hitIndex = 0;
            for (ScreeningHit hit : hits) {
                JsonNode f = hit.fields();
                JsonNode current = currentVerdict(review, checkId, hit.hitId());
                b.append("<tr class=\"hit\" id=\"hit-").append(index).append('-').append(hitIndex++)
                        .append("\" data-hit-id=\"").append(text(hit.hitId())).append("\">")
                        .append(cell(hit.matchedName()))
                        .append(cell(f.path("full_name").asText("")))
                        .append(cell(hit.list()))
                        .append(cell(hit.hitId()))
                        .append(cell(f.path("score").asText("")))
                        .append(cell(f.at("/profile_review/match_rating/match").asText(f.path("rating").asText(""))))
                        .append(cell(f.at("/profile_review/match_rating/explanation").asText(f.path("explanation").asText(""))))
                        .append("<td class=\"verdict\">")
                        .append(current == null ? "<span class=\"open\">not reviewed</span>"
                                : "<span class=\"reviewed " + cssWord(current.path("verdict").asText()) + "\">"
                                + text(current.path("verdict").asText().replace('_', ' ')) + "</span>");
                if (session.mayDecide()) {
                    b.append("<form method=\"post\" class=\"review-hit\" action=\"/console/jobs/").append(text(query(jobId)))
                            .append("/hits\">").append(hidden("csrf", session.csrf())).append(hidden("check_id", checkId))
                            .append(hidden("hit_id", hit.hitId()))
                            .append("<select name=\"verdict\"><option value=\"false_positive\">false positive</option>")
                            .append("<option value=\"true_match\">true match</option></select>")
                            .append("<textarea name=\"reason\" required maxlength=\"1000\" placeholder=\"Reason\"></textarea>")
                            .append("<button type=\"submit\">Record verdict</button></form>");
                }
                b.append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        JsonNode lists = payload.path("lists");
        if (lists.isArray() && !lists.isEmpty()) {
            b.append("<h4>Lists screened</h4><table class=\"lists\"><thead><tr><th>List</th><th>Version</th><th>Date</th>")
                    .append("<th>Records</th><th>SHA-256</th></tr></thead><tbody>");
            for (JsonNode list : lists) {
                b.append("<tr>").append(cell(list.path("list").asText())).append(cell(list.path("version").asText()))
                        .append(cell(list.path("date").asText())).append(cell(list.path("record_count").asText()))
                        .append("<td class=\"hash\">").append(text(list.path("sha256").asText())).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        if (!payload.isMissingNode() && !payload.isNull()) {
            b.append("<details class=\"payload\"><summary>Result payload (")
                    .append(text(payload.path("type").asText("untyped"))).append(")</summary>")
                    .append(json(payload, 0)).append("</details>");
        }
        if (check.path("evidence").size() > 0) {
            b.append("<details class=\"evidence\"><summary>Evidence</summary>").append(json(check.path("evidence"), 0))
                    .append("</details>");
        }
        return b.append("</section>").toString();
    }

    private static JsonNode currentVerdict(JsonNode review, String checkId, String hitId) {
        for (JsonNode h : review.path("hits")) {
            if (h.path("check_id").asText().equals(checkId) && h.path("hit_id").asText().equals(hitId)) {
                return h;
            }
        }
        return null;
    }

    private static String describe(JsonNode decision) {
        if ("hit_review".equals(decision.path("type").asText())) {
            return "hit " + decision.path("list").asText("") + " " + decision.path("hit_id").asText() + " ("
                    + decision.path("matched_name").asText("") + "): " + decision.path("verdict").asText().replace('_', ' ');
        }
        return "case " + decision.path("decision").asText();
    }

    /** Any JSON, generically: objects as definition lists, arrays as lists, scalars as text. */
    static String json(JsonNode node, int depth) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "<span class=\"none\">—</span>";
        }
        if (depth >= MAX_DEPTH) {
            return "<code>" + text(node.toString()) + "</code>";
        }
        if (node.isObject()) {
            StringBuilder b = new StringBuilder("<dl class=\"json\">");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                b.append("<dt>").append(text(field.getKey())).append("</dt><dd>").append(json(field.getValue(), depth + 1))
                        .append("</dd>");
            }
            return b.append("</dl>").toString();
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                return "<span class=\"none\">none</span>";
            }
            StringBuilder b = new StringBuilder("<ol class=\"json\">");
            node.forEach(item -> b.append("<li>").append(json(item, depth + 1)).append("</li>"));
            return b.append("</ol>").toString();
        }
        return text(node.asText());
    }

    static String message(ConsoleSession.Session session, String title, String message) {
        return layout(title, session, "<p><a href=\"/console\">← Queue</a></p><h1>" + text(title)
                + "</h1><p class=\"problem\" id=\"problem\">" + text(message) + "</p>");
    }

    private static String layout(String title, ConsoleSession.Session session, String main) {
        StringBuilder b = new StringBuilder(main.length() + 1024);
        b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(text(title)).append(" · kycflow</title>")
                .append("<link rel=\"stylesheet\" href=\"/console/assets/console.css\"></head><body><header>")
                .append("<a class=\"brand\" href=\"/console\">kycflow review console</a>");
        if (session != null) {
            b.append("<span class=\"who\" id=\"who\">tenant ").append(text(session.principal().tenantId()))
                    .append(" · key ").append(text(session.principal().keyId()))
                    .append(session.mayDecide() ? "" : " · read-only").append("</span>")
                    .append("<form method=\"post\" action=\"/console/logout\">").append(hidden("csrf", session.csrf()))
                    .append("<button type=\"submit\" id=\"sign-out\">Sign out</button></form>");
        }
        return b.append("</header><main>").append(main).append("</main></body></html>").toString();
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + text(name) + "\" value=\"" + text(value) + "\">";
    }

    private static String input(String name, String label, String value, String type) {
        return "<label>" + text(label) + " <input type=\"" + type + "\" name=\"" + text(name) + "\" value=\""
                + text(value) + "\" maxlength=\"256\"></label>";
    }

    private static String term(String name, String value) {
        return "<dt>" + text(name) + "</dt><dd>" + text(value) + "</dd>";
    }

    private static String cell(String value) {
        return "<td>" + text(value) + "</td>";
    }

    private static String verdict(JsonNode passed) {
        if (passed.isBoolean()) {
            return passed.asBoolean() ? " <span class=\"passed\">passed</span>" : " <span class=\"failed\">failed</span>";
        }
        return "";
    }

    /** A class name from data: only letters, so nothing from outside can add attributes or classes. */
    private static String cssWord(String value) {
        return value == null ? "" : value.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
