package io.kycflow.ingest.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.command.SubmitJob;
import io.kycflow.common.crypto.DataKeyRef;
import io.kycflow.common.job.CheckStatus;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.job.JobView;
import io.kycflow.common.json.Json;
import io.kycflow.common.review.CaseDecision;
import io.kycflow.common.review.CaseOutcome;
import io.kycflow.common.review.HitReview;
import io.kycflow.common.review.HitVerdict;
import io.kycflow.common.review.ReviewDecision;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.kycflow.ingest.registry.RegistryFixtures.IDENTITY;
import static io.kycflow.ingest.registry.RegistryFixtures.SANCTIONS;
import static io.kycflow.ingest.registry.RegistryFixtures.result;
import static io.kycflow.ingest.registry.RegistryFixtures.submit;
import static io.kycflow.ingest.registry.RegistryFixtures.withPayload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry folds analysts' decisions into the job: the review section, its events and its answers. */
class ReviewDecisionTopologyTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final JobKey KEY = new JobKey("acme", "job-1");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private RegistryInputs inputs;
    private TestInputTopic<String, byte[]> decisions;
    private TestOutputTopic<String, CommandOutcome> outcomes;
    private TestOutputTopic<String, Job> jobs;
    private TestOutputTopic<String, JobEvent> events;
    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void start() {
        driver = RegistryFixtures.driver(stateDir, START);
        inputs = new RegistryInputs(driver);
        decisions = driver.createInputTopic(Topics.REVIEW_DECISIONS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        outcomes = driver.createOutputTopic(Topics.JOB_COMMAND_OUTCOMES.name(), Serdes.String().deserializer(),
                Topics.JOB_COMMAND_OUTCOMES.valueSerde().deserializer());
        jobs = driver.createOutputTopic(Topics.JOBS.name(), Serdes.String().deserializer(), Topics.JOBS.valueSerde().deserializer());
        events = driver.createOutputTopic(Topics.JOB_EVENTS.name(), Serdes.String().deserializer(),
                Topics.JOB_EVENTS.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.REGISTRY_DEAD_LETTERS.name(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private void submitAndFinish(boolean finish) {
        SubmitJob submit = submit(KEY.tenantId(), KEY.jobId(), "s1");
        inputs.send(submit);
        inputs.send(result(KEY, IDENTITY, CheckStatus.COMPLETE, true));
        if (finish) {
            ObjectNode payload = Json.mapper().createObjectNode().put("type", "KYCSanctionsScreeningCheckResult");
            payload.putArray("verified_sanctions_hits").addObject().put("entity_id", "36").put("list", "ofac_sdn")
                    .put("matched_name", "AEROCARIBBEAN AIRLINES").put("score", 0.91);
            inputs.send(withPayload(result(KEY, SANCTIONS, CheckStatus.COMPLETE, false),
                    payload));
        }
        outcomes.readValuesToList();
        jobs.readValuesToList();
        events.readValuesToList();
    }

    private void send(ReviewDecision decision) {
        decisions.pipeInput(RegistryFixtures.withSubmissionId(decision.key().toString(), Json.toBytes(decision),
                decision.decisionId()));
    }

    private static String ref() {
        return DataKeyRef.of(KEY.tenantId(), KEY.jobId(), "s1");
    }

    private static HitReview hit(String id, String checkId, String hitId, HitVerdict verdict) {
        return new HitReview(ReviewDecision.SCHEMA_VERSION, id, KEY.tenantId(), KEY.jobId(), null, checkId, hitId, null,
                null, verdict, "Different date of birth and nationality.", "acme0001", START, ref());
    }

    private static CaseDecision decision(String id, CaseOutcome outcome) {
        return new CaseDecision(ReviewDecision.SCHEMA_VERSION, id, KEY.tenantId(), KEY.jobId(), outcome,
                "Hit dismissed; identity verified.", "acme0001", START, ref());
    }

    @Test
    void aHitReviewAndACaseDecisionAreFoldedIntoTheJobWithTheirEventsAndAnswers() {
        submitAndFinish(true);

        send(hit("d1", SANCTIONS, "36", HitVerdict.FALSE_POSITIVE));
        CommandOutcome first = outcomes.readValue();
        assertEquals(CommandOutcome.Kind.ACCEPTED, first.outcome());
        assertEquals("d1", first.submissionId());
        Job reviewed = jobs.readValue();
        HitReview stored = (HitReview) reviewed.review().history().get(0);
        assertEquals("ofac_sdn", stored.list(), "the list comes from the job's payload");
        assertEquals("AEROCARIBBEAN AIRLINES", stored.matchedName());
        assertEquals("case-7", stored.caseId());
        assertEquals(List.of("36"), reviewed.review().falsePositives().stream().map(HitReview::hitId).toList());
        assertEquals("pending", reviewed.review().status());
        JobEvent hitEvent = events.readValue();
        assertEquals(JobEvent.HIT_REVIEWED, hitEvent.eventType());

        send(decision("d2", CaseOutcome.APPROVE));
        assertEquals(CommandOutcome.Kind.ACCEPTED, outcomes.readValue().outcome());
        Job decided = jobs.readValue();
        assertEquals("approved", decided.review().status());
        JobEvent decidedEvent = events.readValue();
        assertEquals(JobEvent.CASE_DECIDED, decidedEvent.eventType());
        assertEquals(hitEvent.sequence() + 1, decidedEvent.sequence());

        ObjectNode view = JobView.render(decided, JobView.Include.NONE);
        assertEquals("approved", view.at("/review/status").asText());
        assertEquals("approve", view.at("/review/decision/decision").asText());
        assertEquals("Hit dismissed; identity verified.", view.at("/review/decision/comment").asText());
        assertEquals("acme0001", view.at("/review/decision/decided_by").asText());
        assertEquals("36", view.at("/review/false_positives/0/hit_id").asText());
        assertEquals(2, view.at("/review/history").size());
        assertTrue(view.at("/review/history/0/type").asText().equals("hit_review"));

        // A later verdict replaces the earlier one for the hit, and both stay in the history.
        send(hit("d3", SANCTIONS, "36", HitVerdict.TRUE_MATCH));
        Job changed = jobs.readValue();
        assertEquals(List.of(), changed.review().falsePositives());
        assertEquals(3, changed.review().history().size());
    }

    @Test
    void decisionsOnUnknownHitsUnfinishedOrMissingJobsAreRefusedAndChangeNothing() {
        RegistryFixtures.issueKey(ref());
        send(decision("d0", CaseOutcome.APPROVE));
        assertEquals(CommandOutcome.Kind.NOT_FOUND, outcomes.readValue().outcome());

        submitAndFinish(false);
        send(decision("d1", CaseOutcome.REJECT));
        CommandOutcome unfinished = outcomes.readValue();
        assertEquals(CommandOutcome.Kind.CONFLICT, unfinished.outcome());
        assertTrue(unfinished.reason().contains("in progress"), unfinished.reason());

        ObjectNode payload = Json.mapper().createObjectNode().put("type", "KYCSanctionsScreeningCheckResult");
        payload.putArray("verified_sanctions_hits");
        inputs.send(withPayload(result(KEY, SANCTIONS, CheckStatus.COMPLETE, true), payload));
        jobs.readValuesToList();
        events.readValuesToList();

        send(hit("d2", SANCTIONS, "999", HitVerdict.FALSE_POSITIVE));
        CommandOutcome unknownHit = outcomes.readValue();
        assertEquals(CommandOutcome.Kind.REJECTED, unknownHit.outcome());
        assertTrue(unknownHit.reason().startsWith("hit_id: "), unknownHit.reason());
        send(hit("d3", "kyc.no_such_check", "1", HitVerdict.FALSE_POSITIVE));
        assertTrue(outcomes.readValue().reason().startsWith("check_id: "));
        assertTrue(jobs.isEmpty(), "a refused decision changes no job");
        assertTrue(events.isEmpty());

        decisions.pipeInput(RegistryFixtures.withSubmissionId(KEY.toString(), "{not json".getBytes(StandardCharsets.UTF_8), "d4"));
        CommandOutcome unreadable = outcomes.readValue();
        assertEquals(CommandOutcome.Kind.REJECTED, unreadable.outcome());
        assertEquals("d4", unreadable.submissionId());
        assertEquals(1, deadLetters.readValuesToList().size());
    }

    @Test
    void deletingAReviewedJobKeepsTheVerdictsAndDropsTheReasons() {
        submitAndFinish(true);
        send(hit("d1", SANCTIONS, "36", HitVerdict.FALSE_POSITIVE));
        send(decision("d2", CaseOutcome.ESCALATE));
        jobs.readValuesToList();
        inputs.send(new io.kycflow.common.command.DeleteJob(
                JobCommand.SCHEMA_VERSION, "s9", KEY.tenantId(), KEY.jobId(), START));
        Job deleted = jobs.readValue();
        assertEquals("escalated", deleted.review().status());
        HitReview kept = deleted.review().falsePositives().get(0);
        assertEquals("36", kept.hitId());
        assertNull(kept.reason());
        assertNull(kept.matchedName());
        assertNull(deleted.review().latestDecision().orElseThrow().comment());
    }
}
