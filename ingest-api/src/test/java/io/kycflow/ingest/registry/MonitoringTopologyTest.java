package io.kycflow.ingest.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.command.DeleteJob;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.command.JobRequest;
import io.kycflow.common.command.RaiseMonitoringAlert;
import io.kycflow.common.command.SetMonitoring;
import io.kycflow.common.command.SubmitJob;
import io.kycflow.common.crypto.DataKeyRef;
import io.kycflow.common.job.CheckStatus;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.json.Json;
import io.kycflow.common.monitoring.MonitoringAlert;
import io.kycflow.common.monitoring.MonitoringSubscription;
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
import java.time.LocalDate;
import java.util.List;

import static io.kycflow.ingest.registry.RegistryFixtures.IDENTITY;
import static io.kycflow.ingest.registry.RegistryFixtures.SANCTIONS;
import static io.kycflow.ingest.registry.RegistryFixtures.result;
import static io.kycflow.ingest.registry.RegistryFixtures.submit;
import static io.kycflow.ingest.registry.RegistryFixtures.withPayload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry's side of ongoing monitoring ({@code SetMonitoring}, {@code RaiseMonitoringAlert}, {@code MonitoringFold}):
 * the subjects topic follows the job's monitoring, and an alert stands once, only on a monitored job, not on a
 * dismissed hit unless the entry changed, and only when new or stronger than what the job already shows.
 */
class MonitoringTopologyTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final JobKey KEY = new JobKey("acme", "job-1");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private RegistryInputs inputs;
    private TestInputTopic<String, byte[]> decisions;
    private TestOutputTopic<String, CommandOutcome> outcomes;
    private TestOutputTopic<String, JobEvent> events;
    private TestOutputTopic<String, MonitoringSubscription> subjects;

    @BeforeEach
    void start() {
        driver = RegistryFixtures.driver(stateDir, START);
        inputs = new RegistryInputs(driver);
        decisions = driver.createInputTopic(Topics.REVIEW_DECISIONS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        outcomes = driver.createOutputTopic(Topics.JOB_COMMAND_OUTCOMES.name(), Serdes.String().deserializer(),
                Topics.JOB_COMMAND_OUTCOMES.valueSerde().deserializer());
        events = driver.createOutputTopic(Topics.JOB_EVENTS.name(), Serdes.String().deserializer(),
                Topics.JOB_EVENTS.valueSerde().deserializer());
        subjects = driver.createOutputTopic(Topics.MONITORING_SUBJECTS.name(), Serdes.String().deserializer(),
                Topics.MONITORING_SUBJECTS.valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    /** A finished job whose sanctions check showed entry 36 as a PARTIAL match. */
    private void finishedJob(boolean monitor) {
        SubmitJob plain = submit(KEY.tenantId(), KEY.jobId(), "s1");
        JobRequest r = plain.request();
        SubmitJob submit = new SubmitJob(plain.schemaVersion(), "s1", KEY.tenantId(), KEY.jobId(), plain.issuedAt(),
                new JobRequest(r.kycSchema(), r.plan(), r.notifications(), r.extra(), monitor), null);
        inputs.send(submit);
        inputs.send(result(KEY, IDENTITY, CheckStatus.COMPLETE, true));
        ObjectNode payload = Json.mapper().createObjectNode().put("type", "KYCSanctionsScreeningCheckResult");
        ObjectNode hit = payload.putArray("verified_sanctions_hits").addObject().put("entity_id", "36").put("list", "ofac_sdn")
                .put("matched_name", "JANE DOE").put("score", 0.8);
        hit.putObject("profile_review").putObject("match_rating").put("match", "PARTIAL_MATCH");
        inputs.send(withPayload(result(KEY, SANCTIONS, CheckStatus.COMPLETE, false), payload));
        outcomes.readValuesToList();
        events.readValuesToList();
    }


    private CommandOutcome set(boolean active) {
        inputs.send(new SetMonitoring(JobCommand.SCHEMA_VERSION, "m-" + System.nanoTime(), KEY.tenantId(), KEY.jobId(), START, active));
        List<CommandOutcome> answered = outcomes.readValuesToList();
        assertEquals(1, answered.size());
        return answered.getFirst();
    }

    private static String ref() {
        return DataKeyRef.of(KEY.tenantId(), KEY.jobId(), "s1");
    }

    private static MonitoringAlert alert(String entityId, String hash, String change, String rating) {
        return new MonitoringAlert(MonitoringAlert.idOf(KEY.toString(), "ofac_sdn", entityId, hash), "ofac_sdn",
                "2024-07-02", LocalDate.parse("2024-07-02"), "abc", entityId, hash, change, rating, 0.97, "DOE, Jane",
                "Jane DOE", "List ofac_sdn, primary name \"DOE, Jane\": name score 1.00", START);
    }

    /** Proposes an alert; returns the monitoring.alert events it caused (0 or 1). */
    private List<JobEvent> propose(MonitoringAlert alert) {
        inputs.send(new RaiseMonitoringAlert(JobCommand.SCHEMA_VERSION, alert.alertId(), KEY.tenantId(), KEY.jobId(), START, alert,
                ref()));
        return events.readValuesToList().stream().filter(e -> e.eventType().equals(JobEvent.MONITORING_ALERT)).toList();
    }

    private void dismiss(String checkId, String hitId) {
        HitReview review = new HitReview(ReviewDecision.SCHEMA_VERSION, "d-" + System.nanoTime(), KEY.tenantId(),
                KEY.jobId(), null, checkId, hitId, null, null, HitVerdict.FALSE_POSITIVE, "Another person.", "acme0001", START, ref());
        decisions.pipeInput(RegistryFixtures.withSubmissionId(KEY.toString(), Json.toBytes(review), review.decisionId()));
        assertEquals(CommandOutcome.Kind.ACCEPTED, outcomes.readValuesToList().getLast().outcome());
        events.readValuesToList();
    }

    private Job job() {
        return driver.<String, Job>getKeyValueStore(RegistryNames.JOB_STORE).get(KEY.toString());
    }

    @Test
    void aJobSubmittedWithMonitorIsMonitoredAndItsSubjectIsPublishedSealed() {
        finishedJob(true);
        var published = subjects.readRecordsToList();
        assertEquals(1, published.size());
        assertEquals(KEY.toString(), published.getFirst().key());
        MonitoringSubscription subject = published.getFirst().value();
        assertEquals("case-7", subject.caseId());
        assertEquals("Jane", subject.kycSchema().at("/self_attested_data/first_name").asText());
        assertEquals(ref(), subject.dataKeyRef());
        assertTrue(job().monitoring().active());
        // sealed on the wire: the topic's bytes do not hold the name
        byte[] raw = Topics.MONITORING_SUBJECTS.valueSerde().serializer().serialize(Topics.MONITORING_SUBJECTS.name(), subject);
        assertFalse(new String(raw, StandardCharsets.UTF_8).contains("Jane"));
    }

    @Test
    void subscribeAndUnsubscribeWriteTheSubjectAndItsTombstoneOnce() {
        finishedJob(false);
        assertTrue(subjects.isEmpty());
        CommandOutcome on = set(true);
        assertEquals(CommandOutcome.Kind.ACCEPTED, on.outcome());
        assertTrue(on.job().monitoring().active());
        assertNotNull(subjects.readRecordsToList().getFirst().value());
        assertEquals(JobEvent.MONITORING_CHANGED, events.readValuesToList().getLast().eventType());
        assertEquals(CommandOutcome.Kind.ACCEPTED, set(true).outcome());
        assertTrue(subjects.isEmpty(), "subscribing again changes nothing");
        assertEquals(CommandOutcome.Kind.ACCEPTED, set(false).outcome());
        var tombstone = subjects.readRecordsToList();
        assertEquals(1, tombstone.size());
        assertNull(tombstone.getFirst().value());
        assertFalse(job().monitoring().active());
        assertNotNull(job().monitoring().endedAt());
    }

    @Test
    void anUnknownJobIsNotFoundAndADeletedOneCannotBeMonitored() {
        assertEquals(CommandOutcome.Kind.NOT_FOUND, set(true).outcome());
        finishedJob(true);
        subjects.readRecordsToList();
        inputs.send(new DeleteJob(JobCommand.SCHEMA_VERSION, "del", KEY.tenantId(), KEY.jobId(), START));
        outcomes.readValuesToList();
        var tombstone = subjects.readRecordsToList();
        assertEquals(1, tombstone.size(), "deleting the job ends its monitoring");
        assertNull(tombstone.getFirst().value());
        assertFalse(job().monitoring().active());
        assertEquals(CommandOutcome.Kind.CONFLICT, set(true).outcome());
        assertTrue(propose(alert("99", "h1", MonitoringAlert.ADDED, "STRONG_MATCH")).isEmpty(), "no alert on a deleted job");
    }

    @Test
    void anAlertStandsOnceAndOnlyWhileMonitored() {
        finishedJob(false);
        assertTrue(propose(alert("99", "h1", MonitoringAlert.ADDED, "STRONG_MATCH")).isEmpty(), "not monitored");
        set(true);
        events.readValuesToList();
        List<JobEvent> raised = propose(alert("99", "h1", MonitoringAlert.ADDED, "STRONG_MATCH"));
        assertEquals(1, raised.size());
        MonitoringAlert kept = raised.getFirst().job().monitoring().latestAlert().orElseThrow();
        assertEquals("2024-07-02", kept.listVersion());
        assertEquals("Jane DOE", kept.matchedName());
        assertTrue(propose(alert("99", "h1", MonitoringAlert.ADDED, "STRONG_MATCH")).isEmpty(), "the same entry state: once");
        assertTrue(propose(alert("99", "h2", MonitoringAlert.MODIFIED, "STRONG_MATCH")).isEmpty(),
                "changed, but neither stronger nor dismissed: the analyst already has this entry");
        set(false);
        assertTrue(propose(alert("77", "h1", MonitoringAlert.ADDED, "STRONG_MATCH")).isEmpty(), "unsubscribed");
    }

    @Test
    void onlyNewOrStrongerHitsThanTheJobShowsAreRaised() {
        finishedJob(true);
        assertTrue(propose(alert("36", "h1", MonitoringAlert.ADDED, "PARTIAL_MATCH")).isEmpty(),
                "onboarding showed entry 36 as a partial match already");
        assertEquals(1, propose(alert("36", "h2", MonitoringAlert.MODIFIED, "STRONG_MATCH")).size(), "stronger now");
        assertTrue(propose(alert("36", "h3", MonitoringAlert.MODIFIED, "STRONG_MATCH")).isEmpty(),
                "changed again, still strong, not dismissed: the analyst already has it");
    }

    @Test
    void aDismissedHitIsRaisedAgainOnlyWhenTheEntryChanged() {
        finishedJob(true);
        assertEquals(1, propose(alert("99", "h1", MonitoringAlert.ADDED, "STRONG_MATCH")).size());
        dismiss(MonitoringAlert.CHECK_ID, "99");
        assertTrue(job().review().falsePositives().stream().anyMatch(h -> h.hitId().equals("99")));
        assertTrue(propose(alert("99", "h1-rescreen", MonitoringAlert.ADDED, "STRONG_MATCH")).isEmpty(),
                "seen again in a full re-screen: stays dismissed");
        assertEquals(1, propose(alert("99", "h2", MonitoringAlert.MODIFIED, "STRONG_MATCH")).size(),
                "the entry itself changed: raised again");
        // an onboarding hit dismissed in review is not raised by monitoring either
        dismiss(SANCTIONS, "36");
        assertTrue(propose(alert("36", "x1", MonitoringAlert.ADDED, "STRONG_MATCH")).isEmpty());
    }
}
