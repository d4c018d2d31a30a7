package io.kycflow.ingest.registry;

import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.agent.AgentRules;
import io.kycflow.common.agent.DecisionRule;
import io.kycflow.common.command.CancelJob;
import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.command.RetryJob;
import io.kycflow.common.command.SubmitJob;
import io.kycflow.common.crypto.DataKeyRef;
import io.kycflow.common.job.CheckStatus;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.job.JobPlan;
import io.kycflow.common.job.Recommendation;
import io.kycflow.common.json.Json;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.kycflow.ingest.registry.RegistryFixtures.IDENTITY;
import static io.kycflow.ingest.registry.RegistryFixtures.SANCTIONS;
import static io.kycflow.ingest.registry.RegistryFixtures.result;
import static io.kycflow.ingest.registry.RegistryFixtures.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job keeps its plan with the agent's decision and risk rules named by content id, each distinct set stored
 * once in the registry's rules store, and is still decided by exactly the rules it was submitted with: read back
 * from the store, carried whole into a retry, inline for a job written before, and never approved when missing.
 */
class AgentRulesKeptApartTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final AgentRules PUBLIC_KYC = AgentCatalog.bundled().find("public-kyc").map(
            a -> new AgentRules(a.decisionRules(), a.riskRules())).orElseThrow();

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private RegistryInputs inputs;
    private TestOutputTopic<String, Job> jobs;
    private TestOutputTopic<String, CommandOutcome> outcomes;
    private TestOutputTopic<String, byte[]> deadLetters;
    private TestOutputTopic<String, byte[]> dataKeys;

    @BeforeEach
    void start() {
        driver = RegistryFixtures.driver(stateDir, START);
        inputs = new RegistryInputs(driver);
        jobs = driver.createOutputTopic(Topics.JOBS.name(), Serdes.String().deserializer(), Topics.JOBS.valueSerde().deserializer());
        outcomes = driver.createOutputTopic(Topics.JOB_COMMAND_OUTCOMES.name(), Serdes.String().deserializer(),
                Topics.JOB_COMMAND_OUTCOMES.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.REGISTRY_DEAD_LETTERS.name(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        dataKeys = driver.createOutputTopic(Topics.JOB_KEYS.name(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void jobsNameTheirRulesWhichAreStoredOnceAndStillDecideThem() {
        inputs.send(submit("acme", "job-1", "s1"));
        inputs.send(submit("acme", "job-2", "s2"));

        List<Job> written = jobs.readValuesToList();
        assertEquals(2, written.size());
        for (Job job : written) {
            assertEquals(PUBLIC_KYC.id(), job.plan().rulesId(), "the job names the rules it was submitted with");
            assertTrue(job.plan().decisionRules().isEmpty() && job.plan().riskRules().isEmpty(), "and does not copy them");
            assertFalse(Json.toString(job).contains("strong_match_corroborated"), "no rule text in the written job");
        }
        assertEquals(List.of(PUBLIC_KYC.id()), storedRuleIds(), "one set of rules, stored once for both jobs");

        denyingResults(new JobKey("acme", "job-2"));
        assertEquals(Recommendation.DENY, last("job-2").recommendation(), "decided by the stored rules");
    }

    @Test
    void differentRulesUnderOneAgentVersionAreKeptApart() {
        SubmitJob edited = submit("acme", "job-2", "s2");
        JobPlan plan = edited.request().plan();
        JobPlan approveAll = new JobPlan(plan.agentKey(), plan.agentVersion(), plan.checks(), List.of(
                new DecisionRule("approve everyone", null, Recommendation.APPROVE)), List.of());
        inputs.send(submit("acme", "job-1", "s1"));
        inputs.send(edited.withPlan(approveAll));

        assertEquals(2, storedRuleIds().size(), "same agent and version label, other rules: another id");
        denyingResults(new JobKey("acme", "job-1"));
        denyingResults(new JobKey("acme", "job-2"));
        assertEquals(Recommendation.DENY, last("job-1").recommendation());
        assertEquals(Recommendation.APPROVE, last("job-2").recommendation(), "each job by its own rules");
    }

    @Test
    void aRetryCarriesTheRulesWholeSoTheNewJobIsDecidedByThem() {
        inputs.send(submit("acme", "job-1", "s1"));
        inputs.send(new CancelJob(JobCommand.SCHEMA_VERSION, "cancel-1", "acme", "job-1", START));
        inputs.send(new RetryJob(JobCommand.SCHEMA_VERSION, "retry-1", "acme", "job-1", START, "job-2"));

        Job retried = last("job-2");
        assertEquals(PUBLIC_KYC.id(), retried.plan().rulesId());
        denyingResults(new JobKey("acme", "job-2"));
        assertEquals(Recommendation.DENY, last("job-2").recommendation());
    }

    @Test
    void aJobWrittenWithItsRulesInlineIsDecidedByThoseRules() {
        inputs.send(submit("acme", "job-1", "s1"));
        KeyValueStore<String, Job> store = driver.getKeyValueStore(RegistryNames.JOB_STORE);
        Job accepted = store.get("acme/job-1");
        store.put("acme/job-1", withPlan(accepted, accepted.plan().withRules(PUBLIC_KYC)));
        rulesStore().delete(PUBLIC_KYC.id()); // only the job's own copy is left

        denyingResults(new JobKey("acme", "job-1"));
        Job decided = last("job-1");
        assertNull(decided.plan().rulesId());
        assertEquals(Recommendation.DENY, decided.recommendation());
    }

    @Test
    void aJobWhoseRulesAreMissingIsReviewedNeverApproved() {
        inputs.send(submit("acme", "job-1", "s1"));
        rulesStore().delete(PUBLIC_KYC.id());

        JobKey key = new JobKey("acme", "job-1");
        inputs.send(result(key, IDENTITY, CheckStatus.COMPLETE, true));
        inputs.send(result(key, SANCTIONS, CheckStatus.COMPLETE, true));
        assertEquals(Recommendation.REVIEW, last("job-1").recommendation(), "public-kyc's rules would have approved");
    }

    @Test
    void aSubmissionNamingRulesThisTaskDoesNotHoldIsRefusedWithoutADeadLetterAndItsKeyDestroyed() {
        inputs.send(named(submit("acme", "job-1", "s1")));

        CommandOutcome outcome = outcomes.readValue();
        assertEquals(CommandOutcome.Kind.REJECTED, outcome.outcome());
        assertEquals(SubmissionProcessor.RULES_NOT_HELD + PUBLIC_KYC.id(), outcome.reason());
        assertTrue(jobs.isEmpty(), "no job from a plan whose rules the registry cannot check");
        assertTrue(storedRuleIds().isEmpty());
        assertTrue(deadLetters.isEmpty(), "a refusal the API answers by sending the rules, not a bad command");
        KeyValue<String, byte[]> key = dataKeys.readKeyValue();
        assertEquals(DataKeyRef.of("acme", "job-1", "s1"), key.key);
        assertNull(key.value, "the refused submission's data key is destroyed");

        inputs.send(submit("acme", "job-1", "s2")); // what JobSubmitter sends next: the rules inline
        assertEquals(CommandOutcome.Kind.ACCEPTED, outcomes.readValue().outcome());
    }

    @Test
    void aSubmissionNamingRulesThisTaskHoldsIsAcceptedAndDecidedByThem() {
        inputs.send(submit("acme", "job-1", "s1"));
        inputs.send(named(submit("acme", "job-2", "s2")));
        inputs.send(named(submit("acme", "job-2", "s3")));

        assertEquals(List.of(CommandOutcome.Kind.ACCEPTED, CommandOutcome.Kind.ACCEPTED, CommandOutcome.Kind.DUPLICATE),
                outcomes.readValuesToList().stream().map(CommandOutcome::outcome).toList());
        assertEquals(PUBLIC_KYC.id(), last("job-2").plan().rulesId());
        denyingResults(new JobKey("acme", "job-2"));
        assertEquals(Recommendation.DENY, last("job-2").recommendation(), "decided by the rules it named");
    }

    @Test
    void rulesIdsAreContentIds() {
        AgentRules copy = Json.fromBytes(Json.toBytes(PUBLIC_KYC), AgentRules.class);
        assertEquals(PUBLIC_KYC.id(), copy.id(), "the same rules read back name the same id");
        assertTrue(PUBLIC_KYC.id().matches("sha256:[0-9a-f]{32}"), PUBLIC_KYC.id());
        assertFalse(PUBLIC_KYC.id().equals(AgentRules.NONE.id()));
    }

    /** The submission as the API sends it first: its rules named by id, not carried. */
    private static SubmitJob named(SubmitJob submit) {
        return submit.withPlan(submit.request().plan().keepingRulesApart(PUBLIC_KYC.id()));
    }

    private void denyingResults(JobKey key) {
        inputs.send(result(key, IDENTITY, CheckStatus.COMPLETE, true));
        inputs.send(RegistryFixtures.withPayload(result(key, SANCTIONS, CheckStatus.COMPLETE, false),
                Json.mapper().createObjectNode().put("strong_match_corroborated", true)));
    }

    private Job last(String jobId) {
        KeyValueStore<String, Job> store = driver.getKeyValueStore(RegistryNames.JOB_STORE);
        Job job = store.get("acme/" + jobId);
        assertNotNull(job, jobId + " was never accepted");
        return job;
    }

    private KeyValueStore<String, byte[]> rulesStore() {
        return driver.getKeyValueStore(RegistryNames.AGENT_RULES_STORE);
    }

    private List<String> storedRuleIds() {
        return RegistryFixtures.keysOf(rulesStore());
    }



    private static Job withPlan(Job j, JobPlan plan) {
        return new Job(j.schemaVersion(), j.id(), j.tenantId(), j.agentId(), j.agentVersion(), j.caseId(), j.status(),
                j.progress(), j.recommendation(), j.inputPayload(), j.queuedAt(), j.startedAt(), j.completedAt(),
                j.createdAt(), j.updatedAt(), j.checkResults(), j.statusMessages(), plan, j.submissionId(),
                j.notifications(), j.eventSequence(), j.originalJobId(), j.newJobId(), j.review(), j.riskRating(),
                j.riskFactors(), j.monitoring());
    }
}
