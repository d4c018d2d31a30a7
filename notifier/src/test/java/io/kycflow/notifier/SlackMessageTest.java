package io.kycflow.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackMessageTest {

    private final Job job = TestEvents.job("acme", "job-1", JobStatus.ERROR, null, "https://hooks.slack.com/x", 5);

    @Test
    void blocksCarrySubjectFactsAndOneLinePerCheck() {
        JsonNode message = Json.mapper().valueToTree(SlackMessage.render(job, Optional.empty(), true));
        JsonNode blocks = message.get("blocks");
        assertEquals("header", blocks.at("/0/type").asText());
        assertEquals("Jane Doe", blocks.at("/0/text/text").asText());
        String facts = blocks.at("/1/fields").toString();
        assertTrue(facts.contains("*Case*\\ncase-job-1"), facts);
        assertTrue(facts.contains("*Agent*\\npublic-kyc"), facts);
        assertTrue(facts.contains("*Status*\\nerror"), facts);
        assertTrue(facts.contains("*Recommendation*\\nReview"), facts);
        String[] lines = blocks.at("/2/text/text").asText().split("\n");
        assertEquals(3, lines.length);
        assertEquals("✅ *Sanctions Screening* (passed): No match on any list.", lines[0]);
        assertEquals("❌ *PEP Screening* (failed): Possible &lt;PEP&gt; match &amp; more.", lines[1],
                "text from the job cannot become Slack markup");
        assertTrue(lines[2].startsWith("⚠️ *Identity Data Validation* (error)"), lines[2]);
        assertTrue(message.get("text").asText().contains("Jane Doe"));
        assertFalse(message.toString().contains("actions"), "no link without a base URL");
    }

    @Test
    void withoutPersonalDataTheMessageNamesTheCaseAndJobButNotThePersonNorTheAnswers() {
        Job withAddress = TestEvents.withInput(job, Json.mapper().createObjectNode().put("id", "case-job-1")
                .set("self_attested_data", Json.mapper().createObjectNode().put("first_name", "Jane")
                        .put("last_name", "Doe").put("date_of_birth", "1980-01-01")
                        .set("address", Json.mapper().createObjectNode().put("street_1", "12 Elm Street")
                                .put("city", "Springfield"))));
        JsonNode message = Json.mapper().valueToTree(SlackMessage.render(withAddress, Optional.empty(), false));
        String text = message.toString();
        for (String personal : new String[]{"Jane", "Doe", "1980", "Elm Street", "Springfield",
                "No match on any list", "PEP&gt; match", "did not finish"}) {
            assertFalse(text.contains(personal), personal + " leaked: " + text);
        }
        assertEquals("KYC case case-job-1", message.at("/blocks/0/text/text").asText());
        assertTrue(message.get("text").asText().contains("case-job-1"), message.get("text").asText());
        String[] lines = message.at("/blocks/2/text/text").asText().split("\n");
        assertEquals("✅ *Sanctions Screening* (passed)", lines[0]);
        assertEquals("❌ *PEP Screening* (failed)", lines[1]);
        assertEquals("⚠️ *Identity Data Validation* (error)", lines[2]);
        assertTrue(text.contains("job job-1"), "the job id is shown: " + text);

        String withPersonalData = Json.mapper().valueToTree(SlackMessage.render(withAddress, Optional.empty(), true)).toString();
        assertTrue(withPersonalData.contains("Jane Doe") && withPersonalData.contains("No match on any list"));
    }

    @Test
    void aBaseUrlAddsALinkToTheJob() {
        JsonNode message = Json.mapper().valueToTree(SlackMessage.render(job, Optional.of("https://kyc.example.com/"), true));
        JsonNode actions = null;
        for (JsonNode block : message.get("blocks")) {
            if (block.get("type").asText().equals("actions")) {
                actions = block;
            }
        }
        assertEquals("https://kyc.example.com/api/v1/getJobById?job_id=job-1&include_check_results=true",
                actions.at("/elements/0/url").asText());
    }
}
