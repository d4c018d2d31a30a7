package io.kycflow.ingest.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.command.SubmitJob;
import io.kycflow.common.job.CheckStatus;
import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.agent.AgentDefinition;
import java.util.Optional;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.job.JobView;
import io.kycflow.common.job.Recommendation;
import io.kycflow.common.job.RiskFactor;
import io.kycflow.common.job.RiskRating;
import io.kycflow.common.json.Json;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.kycflow.ingest.registry.RegistryFixtures.ADVERSE_MEDIA;
import static io.kycflow.ingest.registry.RegistryFixtures.IDENTITY;
import static io.kycflow.ingest.registry.RegistryFixtures.JURISDICTION;
import static io.kycflow.ingest.registry.RegistryFixtures.SANCTIONS;
import static io.kycflow.ingest.registry.RegistryFixtures.result;
import static io.kycflow.ingest.registry.RegistryFixtures.submit;
import static io.kycflow.ingest.registry.RegistryFixtures.withPayload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The risk rating as the real registry topology folds it: a finished job is rated by its agent's risk
 * rules (the highest rule that applies, each rule a factor), an errored check is never low risk,
 * an unfinished or cancelled job has no rating, and the rating reaches {@code kyc.jobs}, the job events (the
 * webhook body) and the public view.
 */
class RiskRatingFoldTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final List<String> ALL = List.of(IDENTITY, SANCTIONS, ADVERSE_MEDIA, JURISDICTION);
    /**
     * An agent with all four checks and their risk rules (the bundled agents split them: adverse media is in
     * aml-screening, jurisdiction in public-kyc), so one job exercises every kind of factor.
     */
    private static final AgentDefinition AGENT = loadAgent();

    private static AgentDefinition loadAgent() {
        try {
            return AgentCatalog.load(Optional.of(Path.of(RiskRatingFoldTest.class.getResource("/risk-test-agents.json").toURI())))
                    .find("risk-test").orElseThrow();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private RegistryInputs inputs;
    private TestOutputTopic<String, Job> jobs;
    private TestOutputTopic<String, JobEvent> events;

    @BeforeEach
    void start() {
        driver = RegistryFixtures.driver(stateDir, START);
        inputs = new RegistryInputs(driver);
        jobs = driver.createOutputTopic(Topics.JOBS.name(), Serdes.String().deserializer(), Topics.JOBS.valueSerde().deserializer());
        events = driver.createOutputTopic(Topics.JOB_EVENTS.name(), Serdes.String().deserializer(),
                Topics.JOB_EVENTS.valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aCleanJobIsLowRiskWithNoFactorsAndTheRatingIsInTheEventAndTheView() {
        JobKey key = new JobKey("acme", "clean");
        inputs.send(submit("acme", "clean", "sub-1", ALL, AGENT));
        inputs.send(result(key, IDENTITY, CheckStatus.COMPLETE, true));
        inputs.send(result(key, SANCTIONS, CheckStatus.COMPLETE, true));
        inputs.send(withPayload(result(key, ADVERSE_MEDIA, CheckStatus.COMPLETE, true), media(false)));
        assertNull(jobs.readValuesToList().getLast().riskRating(), "no rating before the job finishes");
        inputs.send(withPayload(result(key, JURISDICTION, CheckStatus.COMPLETE, true), jurisdiction("low")));

        Job done = jobs.readValuesToList().getLast();
        assertEquals(JobStatus.COMPLETE, done.status());
        assertEquals(Recommendation.APPROVE, done.recommendation());
        assertEquals(RiskRating.LOW, done.riskRating());
        assertEquals(List.of(), done.riskFactors());

        JobEvent terminal = events.readValuesToList().getLast();
        assertEquals(RiskRating.LOW, terminal.job().riskRating(), "the webhook's job carries the rating");
        ObjectNode view = JobView.render(terminal.job(), JobView.Include.NONE);
        assertEquals("low", view.get("risk_rating").asText());
        assertTrue(view.get("risk_factors").isArray() && view.get("risk_factors").isEmpty(), view.toString());
    }

    @Test
    void aHighRiskJurisdictionAndAStrongSeriousMediaMatchMakeItHighWithBothFactors() {
        JobKey key = new JobKey("acme", "risky");
        inputs.send(submit("acme", "risky", "sub-1", ALL, AGENT));
        inputs.send(result(key, IDENTITY, CheckStatus.COMPLETE, true));
        inputs.send(result(key, SANCTIONS, CheckStatus.COMPLETE, true));
        inputs.send(withPayload(result(key, ADVERSE_MEDIA, CheckStatus.COMPLETE, false), media(true)));
        inputs.send(withPayload(result(key, JURISDICTION, CheckStatus.COMPLETE, false), jurisdiction("high")));

        Job done = jobs.readValuesToList().getLast();
        assertEquals(Recommendation.REVIEW, done.recommendation(), "the agent's rule: a strong serious match is reviewed");
        assertEquals(RiskRating.HIGH, done.riskRating());
        List<String> descriptions = done.riskFactors().stream().map(RiskFactor::description).toList();
        assertEquals(List.of("Strong adverse-media match with serious media", "Adverse-media match to review",
                "Nationality, residence or address in a high-risk jurisdiction (FATF call for action or comprehensive sanctions)"),
                descriptions);
        assertEquals(List.of(ADVERSE_MEDIA), done.riskFactors().get(0).checkIds());
        assertEquals(RiskRating.MEDIUM, done.riskFactors().get(1).risk());

        JsonNode view = JobView.render(done, JobView.Include.NONE);
        assertEquals("high", view.get("risk_rating").asText());
        assertEquals(JURISDICTION, view.at("/risk_factors/2/check_ids/0").asText(), view.toString());
        assertEquals("high", view.at("/risk_factors/2/risk").asText());
    }

    @Test
    void aGreyListedCountryAloneIsMediumRiskAndStillApproved() {
        JobKey key = new JobKey("acme", "grey");
        inputs.send(submit("acme", "grey", "sub-1", ALL, AGENT));
        inputs.send(result(key, IDENTITY, CheckStatus.COMPLETE, true));
        inputs.send(result(key, SANCTIONS, CheckStatus.COMPLETE, true));
        inputs.send(withPayload(result(key, ADVERSE_MEDIA, CheckStatus.COMPLETE, true), media(false)));
        inputs.send(withPayload(result(key, JURISDICTION, CheckStatus.COMPLETE, true), jurisdiction("medium")));

        Job done = jobs.readValuesToList().getLast();
        assertEquals(Recommendation.APPROVE, done.recommendation());
        assertEquals(RiskRating.MEDIUM, done.riskRating());
        assertEquals(1, done.riskFactors().size());
        assertEquals(List.of(JURISDICTION), done.riskFactors().get(0).checkIds());
    }

    @Test
    void anErroredCheckIsNeverLowRisk() {
        JobKey key = new JobKey("acme", "errored");
        inputs.send(submit("acme", "errored", "sub-1"));
        inputs.send(result(key, IDENTITY, CheckStatus.COMPLETE, true));
        inputs.send(result(key, SANCTIONS, CheckStatus.ERROR, null));

        Job done = jobs.readValuesToList().getLast();
        assertEquals(JobStatus.ERROR, done.status());
        assertEquals(RiskRating.MEDIUM, done.riskRating());
        assertEquals(List.of(SANCTIONS), done.riskFactors().getLast().checkIds());
        assertTrue(done.riskFactors().getLast().description().contains("could not answer"), done.riskFactors().toString());
    }

    @Test
    void aPlanWrittenBeforeRiskRulesExistedReadsWithNoneAndRatesLow() throws Exception {
        JobKey key = new JobKey("acme", "old-plan");
        SubmitJob submit = submit("acme", "old-plan", "sub-1");
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(Json.toBytes(submit));
        JsonNode plan = tree.at("/request/plan");
        assertTrue(plan.has("risk_rules"), tree.toString());
        ((ObjectNode) plan).remove("risk_rules");
        inputs.sendRaw(RegistryFixtures.withSubmissionId(key.toString(), Json.mapper().writeValueAsBytes(tree), "sub-1"));
        inputs.send(result(key, IDENTITY, CheckStatus.COMPLETE, false));
        inputs.send(result(key, SANCTIONS, CheckStatus.COMPLETE, true));

        Job done = jobs.readValuesToList().getLast();
        assertEquals(JobStatus.COMPLETE, done.status());
        assertEquals(RiskRating.LOW, done.riskRating(), "no rules: nothing raises the rating");
        assertEquals(Recommendation.REVIEW, done.recommendation());
    }

    private static JsonNode media(boolean strongSerious) {
        return Json.mapper().createObjectNode().put("type", "KYCAdverseMediaScreeningCheckResult")
                .put("strong_match_serious_adverse_media", strongSerious).put("passed", !strongSerious);
    }

    private static JsonNode jurisdiction(String level) {
        return Json.mapper().createObjectNode().put("type", "KYCHighRiskJurisdictionCheckResult")
                .put("risk_level", level);
    }


}
