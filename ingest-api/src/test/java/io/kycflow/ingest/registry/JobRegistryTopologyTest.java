package io.kycflow.ingest.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.command.CancelJob;
import io.kycflow.common.command.CheckTask;
import io.kycflow.common.command.CommandOutcome;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.command.RetryJob;
import io.kycflow.common.command.SubmitJob;
import io.kycflow.common.crypto.AesGcm;
import io.kycflow.common.crypto.DataKeyRef;
import io.kycflow.common.crypto.IssuedDataKey;
import io.kycflow.common.crypto.JobKeyRing;
import io.kycflow.common.crypto.PersonalDataProtection;
import io.kycflow.common.crypto.WrappedDataKey;
import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.CheckStatus;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobEvent;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.job.Recommendation;
import io.kycflow.common.json.Json;
import io.kycflow.common.topic.Topics;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.kycflow.ingest.registry.RegistryFixtures.IDENTITY;
import static io.kycflow.ingest.registry.RegistryFixtures.PEP;
import static io.kycflow.ingest.registry.RegistryFixtures.SANCTIONS;
import static io.kycflow.ingest.registry.RegistryFixtures.result;
import static io.kycflow.ingest.registry.RegistryFixtures.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobRegistryTopologyTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final JobKey KEY = new JobKey("acme", "job-1");

    @TempDir
    Path stateDir;

    private final AtomicReference<Instant> processedAsOf = new AtomicReference<>(Instant.EPOCH);
    private TopologyTestDriver driver;
    private RegistryInputs inputs;
    private TestOutputTopic<String, CommandOutcome> outcomes;
    private TestOutputTopic<String, Job> jobs;
    private TestOutputTopic<String, JobEvent> events;
    private TestOutputTopic<String, CheckTask> identityTasks;
    private TestOutputTopic<String, CheckTask> sanctionsTasks;
    private TestOutputTopic<String, byte[]> deadLetters;
    private TestOutputTopic<String, byte[]> dataKeys;

    @BeforeEach
    void start() {
        driver = RegistryFixtures.driver(stateDir, START,
                JobRegistryTopology.build(p -> processedAsOf.get(), Duration.ofSeconds(1)));
        inputs = new RegistryInputs(driver);
        outcomes = output(Topics.JOB_COMMAND_OUTCOMES.name(), Topics.JOB_COMMAND_OUTCOMES.valueSerde());
        jobs = output(Topics.JOBS.name(), Topics.JOBS.valueSerde());
        events = output(Topics.JOB_EVENTS.name(), Topics.JOB_EVENTS.valueSerde());
        identityTasks = output(Topics.checkTasks(IDENTITY).name(), Topics.CHECK_TASK_SERDE);
        sanctionsTasks = output(Topics.checkTasks(SANCTIONS).name(), Topics.CHECK_TASK_SERDE);
        deadLetters = driver.createOutputTopic(Topics.REGISTRY_DEAD_LETTERS.name(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        dataKeys = driver.createOutputTopic(Topics.JOB_KEYS.name(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    private <V> TestOutputTopic<String, V> output(String topic, org.apache.kafka.common.serialization.Serde<V> serde) {
        return driver.createOutputTopic(topic, Serdes.String().deserializer(), serde.deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }



    @Test
    void topologyDescriptionIsPinned() throws IOException {
        String actual = JobRegistryTopology.build(p -> Instant.EPOCH, Duration.ofSeconds(1)).describe().toString();
        try (InputStream in = getClass().getResourceAsStream("/registry-topology.txt")) {
            assertNotNull(in, "registry-topology.txt is missing");
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected.strip(), actual.strip(),
                    "the registry topology changed: processor, store or topic names are part of the data format");
        }
    }

    @Test
    void firstSubmissionIsAcceptedQueuedAndFannedOutOncePerCheck() {
        inputs.send(submit("acme", "job-1", "s1", List.of(IDENTITY, SANCTIONS, PEP)));

        CommandOutcome outcome = outcomes.readValue();
        assertEquals(CommandOutcome.Kind.ACCEPTED, outcome.outcome());
        assertEquals("s1", outcome.submissionId());
        assertEquals(JobStatus.QUEUED, outcome.job().status());
        assertEquals("case-7", outcome.job().caseId());
        assertEquals("2026-12-06.2", outcome.job().agentVersion());

        Job job = jobs.readValue();
        assertEquals(3, job.checkResults().size());
        assertTrue(job.checkResults().stream().allMatch(r -> r.status() == CheckStatus.PENDING));
        JobEvent queued = events.readValue();
        assertEquals(JobEvent.JOB_QUEUED, queued.eventType());
        assertEquals(1, queued.sequence());

        CheckTask task = identityTasks.readValue();
        assertEquals("job-1", task.jobId());
        assertEquals(START.plus(Duration.ofMinutes(10)), task.deadline());
        assertEquals("Jane", task.subject().at("/self_attested_data/first_name").asText());
        assertEquals(1, sanctionsTasks.readValuesToList().size());
        assertTrue(identityTasks.isEmpty());
    }

    @Test
    void everyRepeatOfAJobIdIsADuplicateButTheWinnersReplayIsAcceptedAgain() {
        inputs.send(submit("acme", "job-1", "s1"));
        inputs.send(submit("acme", "job-1", "s2"));
        inputs.send(submit("acme", "job-1", "s1"));

        List<CommandOutcome> answers = outcomes.readValuesToList();
        assertEquals(List.of(CommandOutcome.Kind.ACCEPTED, CommandOutcome.Kind.DUPLICATE, CommandOutcome.Kind.ACCEPTED),
                answers.stream().map(CommandOutcome::outcome).toList());
        assertEquals("s2", answers.get(1).submissionId());
        assertEquals(1, jobs.readValuesToList().size(), "no second job");
        assertEquals(1, identityTasks.readValuesToList().size(), "no second fan-out");
    }

    @Test
    void theSameJobIdInTwoTenantsIsTwoJobs() {
        inputs.send(submit("acme", "job-1", "s1"));
        inputs.send(submit("globex", "job-1", "s2"));
        assertTrue(outcomes.readValuesToList().stream().allMatch(o -> o.outcome() == CommandOutcome.Kind.ACCEPTED));
    }

    @Test
    void resultsFoldIntoACompleteApprovedJobWithIncreasingSequence() {
        inputs.send(submit("acme", "job-1", "s1", List.of(IDENTITY, SANCTIONS, PEP)));
        inputs.send(result(KEY, IDENTITY, CheckStatus.RUNNING, null));
        inputs.send(result(KEY, IDENTITY, CheckStatus.COMPLETE, true));
        inputs.send(result(KEY, SANCTIONS, CheckStatus.COMPLETE, true));
        inputs.send(result(KEY, PEP, CheckStatus.COMPLETE, true));

        List<Job> versions = jobs.readValuesToList();
        Job last = versions.getLast();
        assertEquals(JobStatus.COMPLETE, last.status());
        assertEquals(Recommendation.APPROVE, last.recommendation());
        assertEquals(1.0, last.progress());
        assertNotNull(last.startedAt());
        assertNotNull(last.completedAt());
        assertEquals(JobStatus.IN_PROGRESS, versions.get(1).status());

        List<JobEvent> all = events.readValuesToList();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), all.stream().map(JobEvent::sequence).toList());
        assertEquals("job.complete", all.getLast().eventType());
        assertEquals(5, all.stream().map(JobEvent::eventId).distinct().count());
    }

    @Test
    void aJobStartsOnceWhetherItsFirstCheckReportsRunningOrArrivesFinal() {
        inputs.send(submit("acme", "job-1", "s1", List.of(IDENTITY, SANCTIONS, PEP)));
        inputs.send(result(KEY, SANCTIONS, CheckStatus.COMPLETE, true)); // quick: no running notice
        inputs.send(result(KEY, PEP, CheckStatus.RUNNING, null));        // slow: noticed while the job runs
        inputs.send(result(KEY, IDENTITY, CheckStatus.COMPLETE, true));
        inputs.send(result(KEY, PEP, CheckStatus.COMPLETE, true));

        List<JobEvent> all = events.readValuesToList();
        assertEquals(List.of("job.queued", "job.started", "check.finished", "check.started", "check.finished", "job.complete"),
                all.stream().map(JobEvent::eventType).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), all.stream().map(JobEvent::sequence).toList());
        Job started = all.get(1).job();
        assertEquals(JobStatus.IN_PROGRESS, started.status());
        assertEquals(CheckStatus.RUNNING, started.checkResults().get(1).status(), "the passed-through version shows it running");
        assertEquals(CheckStatus.COMPLETE, all.get(2).job().checkResults().get(1).status());
        // The store and the job topic keep the latest version only: the passed-through one is an event.
        List<Job> versions = jobs.readValuesToList();
        assertEquals(List.of(1L, 3L, 4L, 5L, 6L), versions.stream().map(Job::eventSequence).toList());
        assertEquals(JobStatus.COMPLETE, versions.getLast().status());
    }

    @Test
    void eachJobVersionIsSealedOnceAndItsEventCarriesTheSameBytes() throws Exception {
        TestOutputTopic<String, byte[]> rawJobs = output(Topics.JOBS.name(), Serdes.ByteArray());
        TestOutputTopic<String, byte[]> rawEvents = output(Topics.JOB_EVENTS.name(), Serdes.ByteArray());
        inputs.send(submit("acme", "job-1", "s1", List.of(IDENTITY, SANCTIONS)));
        inputs.send(result(KEY, IDENTITY, CheckStatus.COMPLETE, true));
        inputs.send(result(KEY, SANCTIONS, CheckStatus.COMPLETE, true));

        List<byte[]> written = rawJobs.readValuesToList();
        List<JsonNode> eventJobs = new ArrayList<>();
        for (byte[] event : rawEvents.readValuesToList()) {
            eventJobs.add(Json.mapper().readTree(event).get("job"));
        }
        assertEquals(3, written.size());
        assertEquals(4, eventJobs.size(), "queued, started, one check, complete");
        // A sealed field's IV is random: equal ciphertext means one sealing, reused, not two. (The sealing
        // memo repeats only the last value sealed; versions 2 and 3 seal check results after the subject, so
        // for them the memo cannot explain equal bytes.)
        assertEquals(Json.mapper().readTree(written.get(0)), eventJobs.get(0));
        assertEquals(Json.mapper().readTree(written.get(1)), eventJobs.get(2));
        assertEquals(Json.mapper().readTree(written.get(2)), eventJobs.get(3));
        assertTrue(eventJobs.get(3).path("input_payload").has("$sealed"), eventJobs.get(3).toString());
        // And the event reads back as the job it is about.
        assertEquals(Topics.JOBS.valueSerde().deserializer().deserialize("t", written.get(2)),
                Json.fromBytes(Json.toBytes(eventJobs.get(3)), Job.class));
    }

    /**
     * The registry's ring may not see a new key on kyc.job-keys while the registry's own open transaction
     * holds that partition: the command carries the key, wrapped, and is opened with it.
     */
    @Test
    void aSubmissionIsOpenedWithTheDataKeyInItsHeaderBeforeTheRingHasReadTheKey() {
        List<TestRecord<String, byte[]>> commandsAsSent = new ArrayList<>();
        for (String jobId : List.of("job-1", "job-2")) {
            String ref = DataKeyRef.of("acme", jobId, "s-" + jobId);
            JobKeyRing apiRing = PersonalDataProtection.ring();
            WrappedDataKey wrapped = apiRing.masterKeys().wrap(ref, AesGcm.newKey());
            apiRing.accept(ref, wrapped);
            SubmitJob command = submit("acme", jobId, "s-" + jobId);
            TestRecord<String, byte[]> record = RegistryFixtures.commandRecord(command);
            record.headers().remove(IssuedDataKey.HEADER);
            if (jobId.equals("job-1")) {
                record.headers().add(IssuedDataKey.HEADER, new IssuedDataKey(ref, wrapped).toHeader());
            }
            commandsAsSent.add(record);
        }
        RegistryFixtures.installKeyRing(); // the registry's ring: it has read neither key yet
        commandsAsSent.forEach(inputs::sendRaw);

        List<CommandOutcome> answers = outcomes.readValuesToList();
        assertEquals(List.of(CommandOutcome.Kind.ACCEPTED, CommandOutcome.Kind.REJECTED),
                answers.stream().map(CommandOutcome::outcome).toList(), answers.toString());
        Job job = jobs.readValuesToList().getFirst();
        assertEquals("Jane", job.inputPayload().at("/self_attested_data/first_name").asText());
    }

    @Test
    void aResultArrivingTwiceOrAfterItsFinalIsIgnored() {
        inputs.send(submit("acme", "job-1", "s1"));
        inputs.send(result(KEY, IDENTITY, CheckStatus.COMPLETE, true));
        jobs.readValuesToList();
        inputs.send(result(KEY, IDENTITY, CheckStatus.COMPLETE, false));
        inputs.send(result(KEY, IDENTITY, CheckStatus.RUNNING, null));
        assertTrue(jobs.isEmpty(), "a check already final does not change");
    }

    @Test
    void aFinalResultBeforeItsRunningReportCountsAndTheLateRunningIsIgnored() {
        inputs.send(submit("acme", "job-1", "s1", List.of(IDENTITY, SANCTIONS, PEP)));
        inputs.send(result(KEY, SANCTIONS, CheckStatus.COMPLETE, true));
        inputs.send(result(KEY, SANCTIONS, CheckStatus.RUNNING, null));
        inputs.send(result(KEY, PEP, CheckStatus.COMPLETE, true));
        inputs.send(result(KEY, IDENTITY, CheckStatus.COMPLETE, true));
        Job last = jobs.readValuesToList().getLast();
        assertEquals(JobStatus.COMPLETE, last.status());
        assertEquals(List.of("job.queued", "job.started", "check.finished", "check.finished", "job.complete"),
                events.readValuesToList().stream().map(JobEvent::eventType).toList(), "the late running changed nothing");
    }

    @Test
    void aFailedCheckIsReviewedAndACorroboratedStrongMatchIsDenied() {
        inputs.send(submit("acme", "job-1", "s1"));
        inputs.send(result(KEY, IDENTITY, CheckStatus.COMPLETE, false));
        inputs.send(result(KEY, SANCTIONS, CheckStatus.COMPLETE, true));
        inputs.send(result(KEY, PEP, CheckStatus.COMPLETE, true));
        assertEquals(Recommendation.REVIEW, jobs.readValuesToList().getLast().recommendation());

        JobKey other = new JobKey("acme", "job-2");
        inputs.send(submit("acme", "job-2", "s2"));
        inputs.send(result(other, IDENTITY, CheckStatus.COMPLETE, true));
        inputs.send(result(other, PEP, CheckStatus.COMPLETE, true));
        inputs.send(RegistryFixtures.withPayload(result(other, SANCTIONS, CheckStatus.COMPLETE, false),
                Json.mapper().createObjectNode().put("strong_match_corroborated", true)));
        assertEquals(Recommendation.DENY, jobs.readValuesToList().getLast().recommendation());
    }

    @Test
    void anErroredCheckEndsTheJobInErrorAndNeverApproved() {
        inputs.send(submit("acme", "job-1", "s1"));
        inputs.send(result(KEY, IDENTITY, CheckStatus.ERROR, null));
        inputs.send(result(KEY, SANCTIONS, CheckStatus.COMPLETE, true));
        inputs.send(result(KEY, PEP, CheckStatus.COMPLETE, true));
        Job last = jobs.readValuesToList().getLast();
        assertEquals(JobStatus.ERROR, last.status());
        assertEquals(Recommendation.REVIEW, last.recommendation());
        assertEquals("job.error", events.readValuesToList().getLast().eventType());
    }

    @Test
    void aResultForAnUnknownJobIsADeadLetterNotAFailure() {
        inputs.send(result(new JobKey("acme", "never-submitted"), IDENTITY, CheckStatus.COMPLETE, true));
        assertTrue(jobs.isEmpty());
        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertEquals("acme/never-submitted", dead.key());
        assertTrue(new String(dead.headers().lastHeader(RegistryOutput.ERROR_HEADER).value(), StandardCharsets.UTF_8)
                .contains("does not know"));
    }

    @Test
    void anUnreadableCommandIsRejectedAndDeadLetteredAndTheRegistryGoesOn() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(JobCommand.SUBMISSION_ID_HEADER, "s-bad".getBytes(StandardCharsets.UTF_8));
        inputs.sendRaw(new TestRecord<>("acme/job-9", "{not json".getBytes(StandardCharsets.UTF_8), headers));
        inputs.sendRaw(new TestRecord<>("acme/job-8", "{\"type\":\"submit\"}".getBytes(StandardCharsets.UTF_8), headers));
        inputs.sendRaw(new TestRecord<>("no-slash", (byte[]) null, headers));

        List<CommandOutcome> rejected = outcomes.readValuesToList();
        assertEquals(3, rejected.size());
        assertTrue(rejected.stream().allMatch(o -> o.outcome() == CommandOutcome.Kind.REJECTED && "s-bad".equals(o.submissionId())));
        assertEquals("job-9", rejected.getFirst().jobId());
        assertNull(rejected.getLast().jobId());
        assertEquals(3, deadLetters.readRecordsToList().size());

        inputs.send(submit("acme", "job-1", "s1"));
        assertEquals(CommandOutcome.Kind.ACCEPTED, outcomes.readValue().outcome());
    }

    @Test
    void aCheckTimesOutOnlyOnceTheRegistryHasCaughtUpPastItsDeadline() {
        inputs.send(submit("acme", "job-1", "s1"));
        inputs.send(result(KEY, IDENTITY, CheckStatus.COMPLETE, true));
        jobs.readValuesToList();

        // Past the deadline, but results are known processed only up to before it (a restart's backlog).
        processedAsOf.set(START.plus(Duration.ofMinutes(5)));
        driver.advanceWallClockTime(Duration.ofMinutes(11));
        assertTrue(jobs.isEmpty(), "no timeout while the results backlog may hold the answer");

        processedAsOf.set(START.plus(Duration.ofMinutes(11)));
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        Job last = jobs.readValuesToList().getLast();
        assertEquals(JobStatus.ERROR, last.status());
        assertEquals(Recommendation.REVIEW, last.recommendation());
        CheckResult sanctions = last.checkResults().stream().filter(r -> r.commandId().equals(SANCTIONS)).findFirst().orElseThrow();
        assertEquals(CheckStatus.ERROR, sanctions.status());
        assertEquals("timed_out", sanctions.error().code());

        inputs.send(result(KEY, SANCTIONS, CheckStatus.COMPLETE, true));
        assertTrue(jobs.isEmpty(), "a late result after the timeout changes nothing");
    }

    @Test
    void aCheckThatFinishedInTimeIsNeverTimedOut() {
        inputs.send(submit("acme", "job-1", "s1"));
        inputs.send(result(KEY, IDENTITY, CheckStatus.COMPLETE, true));
        inputs.send(result(KEY, SANCTIONS, CheckStatus.COMPLETE, true));
        inputs.send(result(KEY, PEP, CheckStatus.COMPLETE, true));
        jobs.readValuesToList();
        processedAsOf.set(START.plus(Duration.ofHours(1)));
        driver.advanceWallClockTime(Duration.ofHours(1));
        assertTrue(jobs.isEmpty());
    }


    private CommandOutcome outcomeOf(String submissionId) {
        return outcomes.readValuesToList().stream().filter(o -> o.submissionId().equals(submissionId)).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + submissionId));
    }

    @Test
    void aCancelledJobEndsCancelledAndIgnoresLateResults() {
        inputs.send(submit("acme", "job-1", "sub-1"));
        outcomes.readValuesToList();
        events.readValuesToList();
        inputs.send(new CancelJob(JobCommand.SCHEMA_VERSION, "cancel-1", "acme", "job-1", START));
        CommandOutcome cancelled = outcomeOf("cancel-1");
        assertEquals(CommandOutcome.Kind.ACCEPTED, cancelled.outcome());
        assertEquals(JobStatus.CANCELLED, cancelled.job().status());
        assertEquals(List.of("job.cancelled"), events.readValuesToList().stream().map(JobEvent::eventType).toList());

        inputs.send(result(KEY, IDENTITY, CheckStatus.COMPLETE, true));
        assertTrue(events.isEmpty(), "a result after the cancel changes nothing");
        inputs.send(new CancelJob(JobCommand.SCHEMA_VERSION, "cancel-2", "acme", "job-1", START));
        assertEquals(CommandOutcome.Kind.CONFLICT, outcomeOf("cancel-2").outcome());
        inputs.send(new CancelJob(JobCommand.SCHEMA_VERSION, "cancel-3", "acme", "nope", START));
        assertEquals(CommandOutcome.Kind.NOT_FOUND, outcomeOf("cancel-3").outcome());
    }

    @Test
    void deleteDestroysTheJobsDataKeyAndLeavesAPiiFreeAuditRecordWhoseJobIdStaysTaken() {
        inputs.send(submit("acme", "job-1", "sub-1"));
        inputs.send(result(KEY, IDENTITY, CheckStatus.COMPLETE, true));
        outcomes.readValuesToList();
        jobs.readValuesToList();
        identityTasks.readValuesToList();

        inputs.send(new io.kycflow.common.command.DeleteJob(JobCommand.SCHEMA_VERSION, "del-1", "acme", "job-1", START));
        CommandOutcome deleted = outcomeOf("del-1");
        assertEquals(CommandOutcome.Kind.ACCEPTED, deleted.outcome());
        assertEquals(JobStatus.DELETED, deleted.job().status());
        var tombstones = dataKeys.readRecordsToList().stream().filter(r -> r.value() == null).toList();
        assertEquals(1, tombstones.size());
        assertEquals("acme/job-1#sub-1", tombstones.getFirst().key());
        assertNull(tombstones.getFirst().value(), "a tombstone destroys the key");

        Job audit = jobs.readValuesToList().getLast();
        assertEquals(JobStatus.DELETED, audit.status());
        assertNull(audit.inputPayload());
        assertNull(audit.notifications(), "nothing is sent about a deleted job");
        for (CheckResult r : audit.checkResults()) {
            assertNull(r.answer());
            assertNull(r.explanation());
            assertNull(r.payload());
            assertTrue(r.evidence().isEmpty());
        }
        assertTrue(audit.statusMessages().getLast().message().startsWith("Job deleted at "));
        assertEquals(JobEvent.terminalType(JobStatus.DELETED), events.readValuesToList().getLast().eventType());

        inputs.send(submit("acme", "job-1", "sub-2"));
        assertEquals(CommandOutcome.Kind.DUPLICATE, outcomeOf("sub-2").outcome(), "the job_id stays taken");
        inputs.send(new io.kycflow.common.command.DeleteJob(JobCommand.SCHEMA_VERSION, "del-2", "acme", "job-1", START));
        assertEquals(CommandOutcome.Kind.ACCEPTED, outcomeOf("del-2").outcome(), "deleting again is answered the same");
        inputs.send(new io.kycflow.common.command.DeleteJob(JobCommand.SCHEMA_VERSION, "del-3", "acme", "nope", START));
        assertEquals(CommandOutcome.Kind.NOT_FOUND, outcomeOf("del-3").outcome());
        inputs.send(new io.kycflow.common.command.RetryJob(JobCommand.SCHEMA_VERSION, "retry-9", "acme", "job-1", START, "job-9"));
        assertEquals(CommandOutcome.Kind.CONFLICT, outcomeOf("retry-9").outcome(), "a deleted job is not retried");
    }

    @Test
    void theLosingSubmissionsDataKeyIsDestroyedWithItsDuplicateAnswer() {
        inputs.send(submit("acme", "job-1", "s1"));
        inputs.send(submit("acme", "job-1", "s2"));
        var written = dataKeys.readRecordsToList();
        assertEquals(List.of("acme/job-1#s1", "acme/job-1#s2"), written.stream().map(TestRecord::key).toList());
        assertNull(written.get(1).value(), "the loser's key: a tombstone, never the key itself");
    }

    /**
     * The API writes no key: the registry stores the winner's, from the command's header, in the transaction
     * that accepts the job, and a replay of the winner stores nothing more. The stored key is the one the
     * subject was sealed with: a ring that reads only the topic opens the job's tasks.
     */
    @Test
    void theAcceptedJobsDataKeyIsStoredWithTheJobAndOpensWhatTheJobSealed() {
        inputs.send(submit("acme", "job-1", "s1"));
        inputs.send(submit("acme", "job-1", "s1"));
        var written = dataKeys.readRecordsToList();
        assertEquals(List.of("acme/job-1#s1"), written.stream().map(TestRecord::key).toList());
        assertEquals(List.of(CommandOutcome.Kind.ACCEPTED, CommandOutcome.Kind.ACCEPTED),
                outcomes.readValuesToList().stream().map(CommandOutcome::outcome).toList());

        byte[] task = output(Topics.checkTasks(IDENTITY).name(), Serdes.ByteArray()).readValuesToList().getFirst();
        WrappedDataKey stored = Topics.JOB_KEYS.valueSerde().deserializer().deserialize("t", written.getFirst().value());
        JobKeyRing reader = RegistryFixtures.installKeyRing(); // another process: it knows only kyc.job-keys
        reader.accept("acme/job-1#s1", stored);
        assertEquals("Jane", Topics.CHECK_TASK_SERDE.deserializer().deserialize("t", task).subject()
                .at("/self_attested_data/first_name").asText());
    }

    @Test
    void aRetryIsANewJobLinkedBothWaysAndAnsweredUnderTheRetrysSubmissionId() {
        inputs.send(submit("acme", "job-1", "sub-1"));
        inputs.send(new RetryJob(JobCommand.SCHEMA_VERSION, "retry-0", "acme", "job-1", START, "job-2"));
        assertEquals(CommandOutcome.Kind.CONFLICT, outcomeOf("retry-0").outcome(), "not finished yet");
        inputs.send(new CancelJob(JobCommand.SCHEMA_VERSION, "cancel-1", "acme", "job-1", START));
        outcomes.readValuesToList();
        jobs.readValuesToList();

        inputs.send(new RetryJob(JobCommand.SCHEMA_VERSION, "retry-1", "acme", "job-1", START, "job-2"));
        CommandOutcome retried = outcomeOf("retry-1");
        assertEquals(CommandOutcome.Kind.ACCEPTED, retried.outcome());
        assertEquals("job-2", retried.job().id());
        assertEquals("job-1", retried.job().originalJobId());
        assertEquals(JobStatus.QUEUED, retried.job().status());
        List<Job> written = jobs.readValuesToList();
        assertTrue(written.stream().anyMatch(j -> j.id().equals("job-1") && "job-2".equals(j.newJobId())));
        Job second = written.stream().filter(j -> j.id().equals("job-2")).findFirst().orElseThrow();
        assertEquals(submit("acme", "job-1", "x").request().kycSchema(), second.inputPayload(), "the same subject");

        inputs.send(new RetryJob(JobCommand.SCHEMA_VERSION, "retry-2", "acme", "job-1", START, "job-3"));
        assertEquals(CommandOutcome.Kind.CONFLICT, outcomeOf("retry-2").outcome(), "one retry per job");
    }

    @Test
    void anUnreadableDeliveryAttemptIsADeadLetterAndTheFoldGoesOn() {
        TestInputTopic<String, byte[]> attempts = driver.createInputTopic(Topics.NOTIFICATION_ATTEMPTS.name(),
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
        attempts.pipeInput(KEY.toString(), "{not json".getBytes(StandardCharsets.UTF_8));
        var dead = deadLetters.readRecord();
        assertEquals(KEY.toString(), dead.key());
        assertEquals(Topics.NOTIFICATION_ATTEMPTS.name(), new String(dead.headers()
                .lastHeader(RegistryOutput.SOURCE_TOPIC_HEADER).value(), StandardCharsets.UTF_8));
        assertTrue(new String(dead.headers().lastHeader(RegistryOutput.ERROR_HEADER).value(), StandardCharsets.UTF_8)
                .startsWith("unreadable delivery attempt"));
        assertTrue(deadLetters.isEmpty());
    }
}
