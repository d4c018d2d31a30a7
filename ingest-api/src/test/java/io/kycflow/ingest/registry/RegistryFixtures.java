package io.kycflow.ingest.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.agent.AgentCatalog;
import io.kycflow.common.agent.AgentDefinition;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.command.JobRequest;
import io.kycflow.common.command.SubmitJob;
import io.kycflow.common.job.CheckError;
import io.kycflow.common.job.CheckResult;
import io.kycflow.common.job.CheckStatus;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.job.JobPlan;
import io.kycflow.common.job.NotificationTargets;
import io.kycflow.common.job.PlannedCheck;
import io.kycflow.common.crypto.AesGcm;
import io.kycflow.common.crypto.DataKeyRef;
import io.kycflow.common.crypto.IssuedDataKey;
import io.kycflow.common.crypto.JobKeyRing;
import io.kycflow.common.crypto.MasterKeys;
import io.kycflow.common.crypto.PersonalDataProtection;
import io.kycflow.common.json.Json;
import io.kycflow.ingest.api.JobSubmitter;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Commands and results as the API and the workers write them, for the registry's tests. */
final class RegistryFixtures {

    static final String IDENTITY = "kyc.identity_data_validation_check";
    static final String SANCTIONS = "kyc.sanctions_screening_check_v2";
    static final String PEP = "kyc.pep_screening_check_v2";
    static final String ADVERSE_MEDIA = "kyc.adverse_media_screening_check_v2";
    static final String JURISDICTION = "kyc.high_risk_jurisdiction_check";

    private RegistryFixtures() {
    }

    /**
     * Installs a fresh detached key ring (no topic behind it) for one test: the fixtures put the keys the API
     * would have written into it, and the test pipes the registry's tombstones in.
     */
    static JobKeyRing installKeyRing() {
        return PersonalDataProtection.install(JobKeyRing.detached(
                MasterKeys.parse(java.util.Base64.getEncoder().encodeToString(new byte[32])), Duration.ofMillis(50)));
    }

    /** What the API does before it writes a command: a data key for the ref, held by the (one) ring. */
    static String issueKey(String ref) {
        JobKeyRing ring = PersonalDataProtection.ring();
        ring.accept(ref, ring.masterKeys().wrap(ref, AesGcm.newKey()));
        return ref;
    }

    /** The ref standalone fixture results are sealed with (workers copy the job's; any live key will do here). */
    static String resultKey(JobKey key) {
        String ref = DataKeyRef.of(key.tenantId(), key.jobId(), "results");
        return PersonalDataProtection.ring().holds(ref) ? ref : issueKey(ref);
    }

    static JsonNode subject() {
        return Json.mapper().createObjectNode().put("id", "case-7")
                .set("self_attested_data", Json.mapper().createObjectNode()
                        .put("first_name", "Jane").put("last_name", "Doe").put("date_of_birth", "1990-01-01"));
    }

    /** A public-kyc job running the identity and sanctions checks (as a request naming them in check_ids). */
    static SubmitJob submit(String tenant, String jobId, String submissionId) {
        return submit(tenant, jobId, submissionId, List.of(IDENTITY, SANCTIONS));
    }

    /** A public-kyc job running the named checks of the bundled agent, with its decision and risk rules. */
    static SubmitJob submit(String tenant, String jobId, String submissionId, List<String> checkIds) {
        return submit(tenant, jobId, submissionId, checkIds, AgentCatalog.bundled().find("public-kyc").orElseThrow());
    }

    /** A job of {@code agent} running the named checks, with its decision and risk rules. */
    static SubmitJob submit(String tenant, String jobId, String submissionId, List<String> checkIds,
                            AgentDefinition agent) {
        List<PlannedCheck> checks = agent.checks().stream().filter(c -> checkIds.contains(c.id()))
                .map(c -> new PlannedCheck(c.id(), c.id(), c.timeout(), c.args())).toList();
        JobRequest request = new JobRequest(subject(), new JobPlan(agent.key(), agent.version(), checks,
                agent.decisionRules(), agent.riskRules()), NotificationTargets.NONE, Json.mapper().createObjectNode());
        String ref = DataKeyRef.of(tenant, jobId, submissionId);
        if (!PersonalDataProtection.ring().holds(ref)) {
            issueKey(ref); // a replayed submission (same id) is the same command, sealed with the same key
        }
        return new SubmitJob(JobCommand.SCHEMA_VERSION, submissionId, tenant, jobId, Instant.parse("2026-01-01T00:00:00Z"),
                request, null);
    }

    static CheckResult result(JobKey key, String checkId, CheckStatus status, Boolean passed) {
        return new CheckResult(CheckResult.SCHEMA_VERSION, key.tenantId(), key.jobId(), "public-kyc", checkId,
                JobFold.commandInstanceId(key, checkId, 1), checkId, 1, status, passed,
                status == CheckStatus.COMPLETE ? "done" : null, null, null, List.of(), null, null,
                status == CheckStatus.ERROR ? new CheckError("exception", "boom") : null, resultKey(key));
    }

    static CheckResult withPayload(CheckResult r, JsonNode payload) {
        return new CheckResult(r.schemaVersion(), r.tenantId(), r.jobId(), r.agentKey(), r.commandId(),
                r.commandInstanceId(), r.commandName(), r.attempt(), r.status(), r.passed(), r.answer(),
                r.explanation(), payload, r.evidence(), r.checkStartTime(), r.checkEndTime(), r.error(), r.dataKeyRef());
    }

    /**
     * The registry's topology in a test driver (exactly-once, as deployed), with the key ring installed; a
     * punctuation clock that never advances and a 1 s check deadline scan.
     */
    static TopologyTestDriver driver(java.nio.file.Path stateDir, Instant start) {
        return driver(stateDir, start, JobRegistryTopology.build(p -> Instant.EPOCH, Duration.ofSeconds(1)));
    }

    static TopologyTestDriver driver(java.nio.file.Path stateDir, Instant start, org.apache.kafka.streams.Topology topology) {
        installKeyRing();
        java.util.Properties props = new java.util.Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, RegistryNames.APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return new TopologyTestDriver(topology, props, start);
    }

    /** A record for a registry input as the API writes it: the submission (or decision) id in its header. */
    static TestRecord<String, byte[]> withSubmissionId(String key, byte[] value, String submissionId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(JobCommand.SUBMISSION_ID_HEADER, submissionId.getBytes(StandardCharsets.UTF_8));
        return new TestRecord<>(key, value, headers);
    }

    /**
     * A command as the API writes it: keyed by its job, its submission id in a header and, when it starts a
     * job, that job's data key (wrapped) in another.
     */
    static TestRecord<String, byte[]> commandRecord(JobCommand command) {
        TestRecord<String, byte[]> record = withSubmissionId(command.key().toString(), Json.toBytes(command),
                command.submissionId());
        String ref = JobSubmitter.newDataKeyRef(command);
        if (ref != null) {
            JobKeyRing ring = PersonalDataProtection.ring();
            if (!ring.holds(ref)) {
                issueKey(ref); // a replayed command (same submission id) carries the key it was sealed with
            }
            SecretKey key = ring.find(ref).orElseThrow();
            record.headers().add(IssuedDataKey.HEADER, new IssuedDataKey(ref, ring.masterKeys().wrap(ref, key)).toHeader());
        }
        return record;
    }

    /** The keys a registry store holds, in its order. */
    static List<String> keysOf(KeyValueStore<String, ?> store) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, ?> all = store.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }
}
