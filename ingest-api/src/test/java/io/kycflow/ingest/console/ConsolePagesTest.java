package io.kycflow.ingest.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.json.Json;
import io.kycflow.ingest.auth.Principal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages escape what lists, checks and clients wrote; every form carries the CSRF token; read-only sees no form. */
class ConsolePagesTest {

    private static final String HOSTILE = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";

    private static ConsoleSession.Session session(Set<String> scopes) {
        return new ConsoleSession.Session("header.payload.signature", new Principal("acme", "acme0001", scopes));
    }

    private static JsonNode job() {
        ObjectNode job = Json.mapper().createObjectNode().put("id", "job-1").put("case_id", HOSTILE)
                .put("agent_id", "public-kyc").put("status", "complete").put("recommendation", "Deny");
        job.putObject("input_payload").putObject("self_attested_data").put("first_name", HOSTILE).put(HOSTILE, "key too");
        ObjectNode check = job.putArray("check_results").addObject().put("command_id", "kyc.sanctions_screening_check_v2")
                .put("command_name", "Sanctions").put("status", "complete").put("passed", false).put("answer", HOSTILE)
                .put("explanation", HOSTILE);
        ObjectNode payload = check.putObject("payload").put("type", "KYCSanctionsScreeningCheckResult");
        ObjectNode hit = payload.putArray("verified_sanctions_hits").addObject().put("entity_id", "36\"><b>x</b>")
                .put("list", HOSTILE).put("matched_name", HOSTILE).put("full_name", HOSTILE).put("score", 0.97);
        hit.putObject("profile_review").putObject("match_rating").put("match", "STRONG_MATCH").put("explanation", HOSTILE);
        payload.putArray("lists").addObject().put("list", "ofac_sdn").put("version", HOSTILE).put("sha256", "ab12");
        ObjectNode review = job.putObject("review").put("status", "pending");
        review.putArray("hits");
        review.putArray("history").addObject().put("type", "hit_review").put("hit_id", "36").put("matched_name", HOSTILE)
                .put("verdict", "false_positive").put("reason", HOSTILE).put("decided_by", "acme0001");
        return job;
    }

    @Test
    void hostileNamesFromListsChecksAndClientsAreTextNeverMarkup() {
        String page = ConsolePages.job(session(Set.of(Principal.JOBS_READ, Principal.JOBS_WRITE)), job(), List.of(job()),
                null, HOSTILE);
        assertFalse(page.contains("<script"), "no script element from data");
        assertFalse(page.contains("<img"), "no element from data");
        assertFalse(page.contains("<b>x</b>"), "no element from a list entry id");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(2)&gt;"));
        assertTrue(page.contains("data-hit-id=\"36&quot;&gt;&lt;b&gt;x&lt;/b&gt;\""), "attribute values stay inside their quotes");
    }

    @Test
    void everyPostFormCarriesTheSessionsCsrfTokenAndAReadOnlyKeySeesNoForm() {
        ConsoleSession.Session writer = session(Set.of(Principal.JOBS_READ, Principal.JOBS_WRITE));
        String page = ConsolePages.job(writer, job(), List.of(), null, null);
        Matcher forms = Pattern.compile("<form method=\"post\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(page);
        int count = 0;
        while (forms.find()) {
            count++;
            assertTrue(forms.group(1).contains("name=\"csrf\" value=\"" + writer.csrf() + "\""), forms.group());
        }
        assertEquals(3, count, "sign out, one hit, the case decision");

        String readOnly = ConsolePages.job(session(Set.of(Principal.JOBS_READ)), job(), List.of(), null, null);
        assertFalse(readOnly.contains("class=\"review-hit\""));
        assertFalse(readOnly.contains("id=\"decide\""));
        assertTrue(readOnly.contains("id=\"read-only\""));
    }

    @Test
    void theCsrfTokenDependsOnTheSessionAndIsComparedExactly() {
        ConsoleSession.Session one = session(Set.of(Principal.JOBS_WRITE));
        ConsoleSession.Session other = new ConsoleSession.Session("another.jwt.token", one.principal());
        assertFalse(one.csrf().equals(other.csrf()));
        assertTrue(ConsoleSession.csrfMatches(one, one.csrf()));
        assertFalse(ConsoleSession.csrfMatches(one, other.csrf()));
        assertFalse(ConsoleSession.csrfMatches(one, null));
        assertFalse(ConsoleSession.csrfMatches(one, ""));
    }

    @Test
    void theQueueShowsReviewDenyAndErroredJobsNotYetDecided() {
        ObjectNode review = Json.mapper().createObjectNode().put("recommendation", "Review").put("status", "complete");
        ObjectNode approve = Json.mapper().createObjectNode().put("recommendation", "Approve").put("status", "complete");
        ObjectNode errored = Json.mapper().createObjectNode().put("recommendation", "Review").put("status", "error");
        ObjectNode decided = review.deepCopy();
        decided.putObject("review").put("status", "approved");
        ObjectNode escalated = review.deepCopy();
        escalated.putObject("review").put("status", "escalated");
        assertTrue(ConsoleRoutes.needsDecision(review, false));
        assertFalse(ConsoleRoutes.needsDecision(approve, false));
        assertTrue(ConsoleRoutes.needsDecision(errored, false));
        assertFalse(ConsoleRoutes.needsDecision(decided, false));
        assertTrue(ConsoleRoutes.needsDecision(decided, true));
        assertTrue(ConsoleRoutes.needsDecision(escalated, false), "an escalated case still waits for a decision");
    }
}
