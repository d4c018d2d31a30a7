package io.kycflow.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.CheckStatus;
import io.kycflow.common.job.Job;
import io.kycflow.common.monitoring.MonitoringAlert;
import io.kycflow.common.json.Json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A finished job as a Slack Block Kit message: the subject's name, the case, agent, status and
 * recommendation, one line per check, and a link to the job when a public base URL is configured.
 * Text from the job (names, answers) is escaped, so it cannot turn into Slack links or mentions, and
 * cut to Block Kit's limits.
 *
 * <p>Without personal data (a tenant's {@code slack_include_personal_data: false}) the message is titled
 * by the case id and carries no check answers: answers repeat the subject's data (a sanctions answer
 * names the list entry that matched the subject's name), so only each check's verdict is shown.
 */
public final class SlackMessage {

    private static final int HEADER_MAX = 150;
    private static final int SECTION_MAX = 3000;
    private static final int ANSWER_MAX = 300;

    private SlackMessage() {
    }

    public static ObjectNode render(Job job, Optional<String> publicBaseUrl, boolean includePersonalData) {
        String subject = includePersonalData ? subjectName(job).orElse(anonymousTitle(job)) : anonymousTitle(job);
        String status = job.status().wire();
        String recommendation = job.recommendation() == null ? "none" : job.recommendation().wire();

        ObjectNode message = Json.mapper().createObjectNode();
        // The fallback text shows in notifications and screen readers.
        message.put("text", cut("KYC " + status + " for " + subject + ": " + recommendation, SECTION_MAX));
        ArrayNode blocks = message.putArray("blocks");

        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cut(subject, HEADER_MAX)).put("emoji", true);

        ObjectNode facts = blocks.addObject().put("type", "section");
        ArrayNode fields = facts.putArray("fields");
        field(fields, "Case", job.caseId());
        field(fields, "Agent", job.agentId());
        field(fields, "Status", status);
        field(fields, "Recommendation", recommendation);

        List<String> lines = job.checkResults().stream().map(r -> checkLine(r, includePersonalData)).toList();
        for (String text : sections(lines)) {
            blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", text);
        }

        publicBaseUrl.ifPresent(base -> viewJobButton(blocks, base, job));

        context(blocks, "job " + job.id() + " · tenant " + job.tenantId());
        return message;
    }

    /**
     * A monitoring alert: the case (or, with personal data, the subject), the list entry it now matches (list
     * id), the rating and the list version that raised it. The listed name, matched name and explanation (which
     * say who the subject may be) only where the tenant allows personal data in Slack.
     */
    public static ObjectNode renderAlert(Job job, MonitoringAlert alert, Optional<String> publicBaseUrl,
                                         boolean includePersonalData) {
        String subject = includePersonalData ? subjectName(job).orElse(anonymousTitle(job)) : anonymousTitle(job);
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("text", cut("Monitoring alert for " + subject + ": " + alert.rating() + " on " + alert.listId() + " "
                + alert.listVersion(), SECTION_MAX));
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cut("🔔 Monitoring alert: " + subject, HEADER_MAX))
                .put("emoji", true);
        ObjectNode facts = blocks.addObject().put("type", "section");
        ArrayNode fields = facts.putArray("fields");
        field(fields, "Case", job.caseId());
        field(fields, "List entry", alert.listId() + " " + alert.entityId() + " (" + alert.change() + ")");
        if (includePersonalData) {
            // A listed name is public, but beside the case it says who the subject may be: personal data here.
            field(fields, "Listed name", alert.primaryName());
        }
        field(fields, "Rating", alert.rating());
        field(fields, "List version", alert.listVersion() + (alert.listDate() == null ? "" : " of " + alert.listDate()));
        if (includePersonalData && alert.explanation() != null) {
            blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                    .put("text", escape(cut(alert.explanation(), SECTION_MAX)));
        }
        publicBaseUrl.ifPresent(base -> viewJobButton(blocks, base, job));
        context(blocks, "job " + job.id() + " · tenant " + job.tenantId() + " · alert " + alert.alertId());
        return message;
    }

    /** A "View job" button linking to the job in the console. */
    private static void viewJobButton(ArrayNode blocks, String publicBaseUrl, Job job) {
        ObjectNode button = blocks.addObject().put("type", "actions").putArray("elements").addObject().put("type", "button");
        button.putObject("text").put("type", "plain_text").put("text", "View job");
        button.put("url", jobUrl(publicBaseUrl, job.id()));
    }

    /** The small grey line at the foot of a message. */
    private static void context(ArrayNode blocks, String text) {
        blocks.addObject().put("type", "context").putArray("elements").addObject()
                .put("type", "mrkdwn").put("text", escape(cut(text, SECTION_MAX)));
    }

    /** ✅ passed, ❌ failed, ⚠️ error (or no verdict), then the check's name and, with personal data, its answer. */
    static String checkLine(CheckResult result, boolean withAnswer) {
        String mark;
        String verdict;
        if (result.status() == CheckStatus.ERROR) {
            mark = "⚠️";
            verdict = "error";
        } else if (result.status() == CheckStatus.COMPLETE && Boolean.TRUE.equals(result.passed())) {
            mark = "✅";
            verdict = "passed";
        } else if (result.status() == CheckStatus.COMPLETE && Boolean.FALSE.equals(result.passed())) {
            mark = "❌";
            verdict = "failed";
        } else {
            mark = "⚠️";
            verdict = result.status() == null ? "no verdict" : result.status().wire();
        }
        String name = result.commandName() != null ? result.commandName() : result.commandId();
        String line = mark + " *" + escape(name) + "* (" + verdict + ")";
        if (withAnswer && result.answer() != null && !result.answer().isBlank()) {
            line += ": " + escape(cut(result.answer().strip().replaceAll("\\s+", " "), ANSWER_MAX));
        }
        return line;
    }

    /** A title that names no one: the client's case id, else the job id. */
    private static String anonymousTitle(Job job) {
        return job.caseId() != null && !job.caseId().isBlank() ? "KYC case " + job.caseId() : "KYC job " + job.id();
    }

    private static Optional<String> subjectName(Job job) {
        JsonNode data = job.inputPayload() == null ? null : job.inputPayload().path("self_attested_data");
        if (data == null || data.isMissingNode()) {
            return Optional.empty();
        }
        String name = (data.path("first_name").asText("") + " " + data.path("last_name").asText("")).strip();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private static void field(ArrayNode fields, String label, String value) {
        fields.addObject().put("type", "mrkdwn")
                .put("text", "*" + label + "*\n" + escape(cut(value == null ? "–" : value, 1000)));
    }

    /** Check lines grouped into sections under Block Kit's 3000-character limit. */
    private static List<String> sections(List<String> lines) {
        List<String> sections = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (current.length() > 0 && current.length() + 1 + line.length() > SECTION_MAX) {
                sections.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? "\n" : "").append(line);
        }
        if (current.length() > 0) {
            sections.add(current.toString());
        }
        return sections;
    }

    private static String jobUrl(String base, String jobId) {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return trimmed + "/api/v1/getJobById?job_id=" + URLEncoder.encode(jobId, StandardCharsets.UTF_8)
                + "&include_check_results=true";
    }

    /** Slack's mrkdwn control characters: without this, {@code <https://x|y>} or {@code <!channel>} would act. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
