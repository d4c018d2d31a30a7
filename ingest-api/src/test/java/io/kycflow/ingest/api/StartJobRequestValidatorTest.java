package io.kycflow.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.json.Json;
import io.kycflow.common.net.OutboundUrlGuard;
import io.kycflow.common.net.SlackWebhookHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartJobRequestValidatorTest {

    private final StartJobRequestValidator validator = new StartJobRequestValidator(AgentCatalog.bundled(),
            Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC), OutboundUrlGuard.withAllowlist(List.of()),
            SlackWebhookHosts.SLACK_ONLY);

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<String> fields(String body) {
        ApiError error = assertThrows(ApiError.class, () -> validator.validate(json(body)));
        assertEquals(400, error.status());
        @SuppressWarnings("unchecked")
        List<FieldProblem> details = (List<FieldProblem>) error.body().get("details");
        return details.stream().map(FieldProblem::field).toList();
    }

    private static String person(String extra) {
        return "{\"agent_key\":\"public-kyc\",\"kyc_schema\":{\"id\":\"c1\",\"self_attested_data\":{"
                + "\"first_name\":\"Jane\",\"last_name\":\"Doe\"" + extra + "}}}";
    }

    @Test
    void aMinimalPersonPassesWithEveryCheckOfTheAgent() {
        var valid = validator.validate(json(person("")));
        assertTrue(valid.jobIdGenerated());
        var agent = io.kycflow.common.agent.AgentCatalog.bundled().find("public-kyc").orElseThrow();
        assertEquals(agent.checkIds(), valid.request().plan().checks().stream()
                .map(io.kycflow.common.job.PlannedCheck::checkId).toList());
        assertEquals("2026-12-06.2", valid.request().plan().agentVersion());
        assertEquals(agent.riskRules(), valid.request().plan().riskRules(), "the plan keeps the agent's risk rules");
        assertFalse(valid.request().plan().riskRules().isEmpty());
    }

    @Test
    void datesMustBeRealPastAndIso() {
        assertTrue(fields(person(",\"date_of_birth\":\"2027-01-01\"")).contains("kyc_schema.self_attested_data.date_of_birth"));
        assertTrue(fields(person(",\"date_of_birth\":\"1990-13-01\"")).contains("kyc_schema.self_attested_data.date_of_birth"));
        assertTrue(fields(person(",\"date_of_birth\":\"01/02/1990\"")).contains("kyc_schema.self_attested_data.date_of_birth"));
        validator.validate(json(person(",\"date_of_birth\":\"2000-02-29\"")));
    }

    @Test
    void countriesEmailsUrlsAndDocumentsAreChecked() {
        List<String> bad = fields("{\"agent_key\":\"public-kyc\",\"webhook_url\":\"javascript:alert(1)\","
                + "\"slack_webhook_url\":\"https://user:pw@hooks.slack.com/x\",\"kyc_schema\":{\"id\":\"c1\","
                + "\"self_attested_data\":{\"first_name\":\"Jane\",\"last_name\":\"Doe\",\"email\":\"jane@\","
                + "\"address\":{\"country_code\":\"ZZ\"},\"associated_addresses\":[{\"country_code\":\"USA\"}],"
                + "\"proof_of_address_documents\":[{\"file_name\":\"a.pdf\"}]}}}");
        assertTrue(bad.containsAll(List.of("webhook_url", "slack_webhook_url", "kyc_schema.self_attested_data.email",
                "kyc_schema.self_attested_data.address.country_code",
                "kyc_schema.self_attested_data.associated_addresses[0].country_code",
                "kyc_schema.self_attested_data.proof_of_address_documents[0]")), bad.toString());
    }

    @Test
    void webhookUrlsIntoPrivateOrInternalAddressSpaceAreRefused() {
        for (String url : List.of("https://127.0.0.2/hook", "https://10.0.0.5/hook", "https://[::1]/hook",
                "https://169.254.169.254/latest/meta-data", "https://0x7f000001/hook", "http://93.184.216.34/hook")) {
            assertEquals(List.of("webhook_url"), fields("{\"agent_key\":\"public-kyc\",\"webhook_url\":\"" + url
                    + "\",\"kyc_schema\":{\"id\":\"c\",\"self_attested_data\":{\"first_name\":\"A\",\"last_name\":\"B\"}}}"), url);
        }
        StartJobRequestValidator local = new StartJobRequestValidator(AgentCatalog.bundled(), Clock.systemUTC(),
                OutboundUrlGuard.withAllowlist(List.of("127.0.0.1")), SlackWebhookHosts.SLACK_ONLY);
        local.validate(json("{\"agent_key\":\"public-kyc\",\"webhook_url\":\"http://127.0.0.1:9999/hook\","
                + "\"kyc_schema\":{\"id\":\"c\",\"self_attested_data\":{\"first_name\":\"A\",\"last_name\":\"B\"}}}"));
    }

    @Test
    void slackUrlsMustBeOnSlacksIncomingWebhookHostUnlessConfiguredOtherwise() {
        String local = "http://127.0.0.1:9999/services/T/B/X";
        for (String url : List.of("https://93.184.216.34/services/T/B/X", "https://hooks.slack.com.evil.example/services/x",
                "https://slack.com/services/x")) {
            ApiError error = assertThrows(ApiError.class, () -> validator.validate(json(person("").replace("{\"agent_key\"",
                    "{\"slack_webhook_url\":\"" + url + "\",\"agent_key\""))));
            assertEquals(400, error.status(), url);
            @SuppressWarnings("unchecked")
            List<FieldProblem> details = (List<FieldProblem>) error.body().get("details");
            assertEquals(List.of(new FieldProblem("slack_webhook_url",
                    "must be a Slack incoming-webhook URL (https://hooks.slack.com/services/…)")), details, url);
        }
        validator.validate(json(person("").replace("{\"agent_key\"",
                "{\"slack_webhook_url\":\"https://HOOKS.slack.com/services/T/B/X\",\"agent_key\"")));

        String localBody = person("").replace("{\"agent_key\"", "{\"slack_webhook_url\":\"" + local + "\",\"agent_key\"");
        StartJobRequestValidator slackOnly = new StartJobRequestValidator(AgentCatalog.bundled(), Clock.systemUTC(),
                OutboundUrlGuard.withAllowlist(List.of("127.0.0.1")), SlackWebhookHosts.SLACK_ONLY);
        ApiError refused = assertThrows(ApiError.class, () -> slackOnly.validate(json(localBody)));
        assertEquals(400, refused.status(), "allow-listed for the URL guard is not enough: Slack's host rule applies too");
        StartJobRequestValidator configured = new StartJobRequestValidator(AgentCatalog.bundled(), Clock.systemUTC(),
                OutboundUrlGuard.withAllowlist(List.of("127.0.0.1")), new SlackWebhookHosts(List.of("127.0.0.1", "localhost")));
        assertEquals(local, configured.validate(json(localBody)).request().notifications().slackWebhookUrl());
    }

    @Test
    void monitorIsAnOptionalBooleanAndAnythingElseIsA400NamingTheField() {
        assertTrue(validator.validate(json(person("").replace("{\"agent_key\"", "{\"monitor\":true,\"agent_key\"")))
                .request().monitor());
        assertFalse(validator.validate(json(person(""))).request().monitor(), "absent: not monitored");
        assertFalse(validator.validate(json(person("").replace("{\"agent_key\"", "{\"monitor\":null,\"agent_key\"")))
                .request().monitor(), "null: not monitored");
        var monitored = validator.validate(json(person("").replace("{\"agent_key\"", "{\"monitor\":false,\"agent_key\"")));
        assertFalse(monitored.request().extra().has("monitor"), "a known field, not an extra");
        for (String bad : List.of("\"true\"", "1", "[]", "{}")) {
            assertEquals(List.of("monitor"), fields(person("").replace("{\"agent_key\"", "{\"monitor\":" + bad + ",\"agent_key\"")),
                    bad);
        }
    }

    @Test
    void webhookEventsSubscribeToKnownEventsAndAnythingElseIsA400NamingTheField() {
        var subscribed = validator.validate(json(person("").replace("{\"agent_key\"",
                "{\"webhook_events\":[\"job.started\",\"check.finished\"],\"agent_key\"")));
        assertEquals(List.of("job.started", "check.finished"), subscribed.request().notifications().webhookEvents());
        assertFalse(subscribed.request().extra().has("webhook_events"), "a known field, not an extra");
        assertEquals(List.of(), validator.validate(json(person(""))).request().notifications().webhookEvents(),
                "no subscription: the terminal event only");
        for (String bad : List.of("[\"job.done\"]", "\"job.started\"", "[\"job.complete\"]", "[1]", "{}")) {
            assertEquals(List.of("webhook_events"), fields(person("").replace("{\"agent_key\"",
                    "{\"webhook_events\":" + bad + ",\"agent_key\"")), bad);
        }
    }

    @Test
    void anAgentsSubscriptionAppliesUnlessTheRequestGivesItsOwn(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("agents.json"), "{\"agents\":[{\"key\":"
                + "\"public-kyc\",\"version\":\"1\",\"checks\":[{\"id\":\"kyc.identity_data_validation_check\"}],"
                + "\"webhook_events\":[\"check.finished\"]}]}");
        StartJobRequestValidator withAgentEvents = new StartJobRequestValidator(
                AgentCatalog.load(Optional.of(file)), Clock.systemUTC(), OutboundUrlGuard.withAllowlist(List.of()),
                SlackWebhookHosts.SLACK_ONLY);
        assertEquals(List.of("check.finished"),
                withAgentEvents.validate(json(person(""))).request().notifications().webhookEvents());
        assertEquals(List.of(), withAgentEvents.validate(json(person("").replace("{\"agent_key\"",
                "{\"webhook_events\":[],\"agent_key\""))).request().notifications().webhookEvents(),
                "the request's own list, even empty, replaces the agent's");
    }

    @Test
    void checkIdsMustBelongToTheAgent() {
        assertEquals(List.of("check_ids"), fields("{\"agent_key\":\"kyc-identity-only\",\"check_ids\":"
                + "[\"kyc.sanctions_screening_check_v2\"],\"kyc_schema\":{\"id\":\"c\",\"self_attested_data\":"
                + "{\"first_name\":\"A\",\"last_name\":\"B\"}}}"));
        var subset = validator.validate(json("{\"agent_key\":\"public-kyc\",\"check_ids\":"
                + "[\"kyc.sanctions_screening_check_v2\",\"kyc.sanctions_screening_check_v2\"],\"kyc_schema\":"
                + "{\"id\":\"c\",\"self_attested_data\":{\"first_name\":\"A\",\"last_name\":\"B\"}}}"));
        assertEquals(1, subset.request().plan().checks().size());
    }

    @Test
    void missingPiecesAreNamed() {
        assertEquals(List.of("agent_key", "kyc_schema"), fields("{}"));
        assertEquals(List.of("kyc_schema.id", "kyc_schema.self_attested_data"),
                fields("{\"agent_key\":\"public-kyc\",\"kyc_schema\":{}}"));
        assertFalse(fields(person(",\"first_name\":\"   \"")).isEmpty());
        assertThrows(ApiError.class, () -> validator.validate(json("\"text\"")));
    }
}
