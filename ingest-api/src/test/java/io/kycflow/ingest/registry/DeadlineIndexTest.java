package io.kycflow.ingest.registry;

import io.kycflow.common.command.CancelJob;
import io.kycflow.common.command.JobCommand;
import io.kycflow.common.command.SubmitJob;
import io.kycflow.common.job.CheckStatus;
import io.kycflow.common.job.Job;
import io.kycflow.common.job.JobKey;
import io.kycflow.common.job.JobPlan;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.job.PlannedCheck;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.kycflow.ingest.registry.RegistryFixtures.IDENTITY;
import static io.kycflow.ingest.registry.RegistryFixtures.SANCTIONS;
import static io.kycflow.ingest.registry.RegistryFixtures.result;
import static io.kycflow.ingest.registry.RegistryFixtures.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The deadline index holds one entry per unfinished job and distinct deadline (not one per check), removed when
 * the job ends, and still times out exactly the checks that are due; entries of jobs accepted before, one per
 * check, keep working.
 */
class DeadlineIndexTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final JobKey KEY = new JobKey("acme", "job-1");

    @TempDir
    Path stateDir;

    private final AtomicReference<Instant> processedAsOf = new AtomicReference<>(Instant.EPOCH);
    private TopologyTestDriver driver;
    private RegistryInputs inputs;

    @BeforeEach
    void start() {
        driver = RegistryFixtures.driver(stateDir, START, JobRegistryTopology.build(p -> processedAsOf.get(), Duration.ofSeconds(1)));
        inputs = new RegistryInputs(driver);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aJobHasOneEntryWhileUnfinishedWhateverItsResultsAndNoneOnceItEnds() {
        inputs.send(submit("acme", "job-1", "s1"));
        assertEquals(List.of("1772359800000|acme/job-1|*"), entries(), "one entry for two checks sharing a timeout");

        inputs.send(result(KEY, IDENTITY, CheckStatus.COMPLETE, true));
        assertEquals(1, entries().size(), "a check's result leaves the job's entry alone");
        inputs.send(result(KEY, SANCTIONS, CheckStatus.COMPLETE, true));
        assertEquals(List.of(), entries(), "the job ended: its entry went");
        assertEquals(JobStatus.COMPLETE, job().status());
    }

    @Test
    void cancellingAJobRemovesItsEntry() {
        inputs.send(submit("acme", "job-1", "s1"));
        inputs.send(new CancelJob(JobCommand.SCHEMA_VERSION, "c1", "acme", "job-1", START));
        assertEquals(List.of(), entries());
    }

    @Test
    void checksWithTwoTimeoutsHaveTwoEntriesEachTimingOutItsOwnChecks() {
        SubmitJob base = submit("acme", "job-1", "s1");
        JobPlan plan = base.request().plan();
        List<PlannedCheck> checks = plan.checks().stream().map(c -> c.checkId().equals(IDENTITY)
                ? new PlannedCheck(c.checkId(), c.commandName(), Duration.ofMinutes(1), c.args()) : c).toList();
        inputs.send(base.withPlan(new JobPlan(plan.agentKey(), plan.agentVersion(), checks, plan.decisionRules(),
                plan.riskRules())));
        assertEquals(2, entries().size());

        passTime(Duration.ofMinutes(2));
        Job job = job();
        assertEquals(CheckStatus.ERROR, status(job, IDENTITY), "the one-minute check timed out");
        assertEquals(CheckStatus.PENDING, status(job, SANCTIONS), "the ten-minute check is not due yet");
        assertEquals(1, entries().size());

        passTime(Duration.ofMinutes(10));
        assertEquals(CheckStatus.ERROR, status(job(), SANCTIONS));
        assertEquals(JobStatus.ERROR, job().status());
        assertEquals(List.of(), entries());
    }

    @Test
    void aPerCheckEntryOfAnEarlierJobStillTimesOutItsCheckAndGoesWhenTheJobEnds() {
        inputs.send(submit("acme", "job-1", "s1"));
        KeyValueStore<String, String> store = driver.getKeyValueStore(RegistryNames.DEADLINE_STORE);
        store.delete("1772359800000|acme/job-1|*");
        store.put("1772359800000|acme/job-1|" + SANCTIONS, "acme/job-1");
        store.put("1772359800000|acme/job-1|" + IDENTITY, "acme/job-1");

        inputs.send(result(KEY, IDENTITY, CheckStatus.COMPLETE, true));
        passTime(Duration.ofMinutes(11));
        assertEquals(CheckStatus.ERROR, status(job(), SANCTIONS), "its own entry timed the check out");
        assertEquals(CheckStatus.COMPLETE, status(job(), IDENTITY), "a check finished in time is never timed out");
        assertEquals(List.of(), entries());
    }

    @Test
    void aBacklogOfDueEntriesIsTimedOutABoundedNumberPerScanTheRestAtTheNextScans() {
        // A worker down for a while leaves many jobs due at once: each scan takes at most MAX_DUE_PER_SCAN of them,
        // so the commands queued behind a scan wait for a bounded amount of work, not for the whole backlog.
        int jobs = 2 * ResultProcessor.MAX_DUE_PER_SCAN + 50;
        for (int i = 0; i < jobs; i++) {
            inputs.send(submit("acme", "job-" + i, "s" + i));
        }
        assertEquals(jobs, entries().size());

        passTime(Duration.ofMinutes(11));
        assertEquals(jobs - ResultProcessor.MAX_DUE_PER_SCAN, entries().size(), "one scan took a bounded number");
        assertEquals(ResultProcessor.MAX_DUE_PER_SCAN, countWithStatus(JobStatus.ERROR), "and timed those jobs out");

        inputs.send(submit("acme", "job-late", "s-late"));
        assertEquals(JobStatus.QUEUED, jobs().get("acme/job-late").status(),
                "a submission between two scans is decided at once");

        passTime(Duration.ofSeconds(1));
        passTime(Duration.ofSeconds(1));
        assertEquals(jobs, countWithStatus(JobStatus.ERROR), "the next scans took the rest");
        assertEquals(1, entries().size(), "only the late job's own entry is left");
    }

    private long countWithStatus(JobStatus status) {
        try (var all = jobs().all()) {
            long n = 0;
            while (all.hasNext()) {
                n += all.next().value.status() == status ? 1 : 0;
            }
            return n;
        }
    }

    private KeyValueStore<String, Job> jobs() {
        return driver.getKeyValueStore(RegistryNames.JOB_STORE);
    }

    /** Wall-clock time passes, and the registry has processed every result up to the new now. */
    private void passTime(Duration duration) {
        Instant from = processedAsOf.get().equals(Instant.EPOCH) ? START : processedAsOf.get();
        processedAsOf.set(from.plus(duration));
        driver.advanceWallClockTime(duration);
    }

    private static CheckStatus status(Job job, String checkId) {
        return job.checkResults().stream().filter(r -> r.commandId().equals(checkId)).findFirst().orElseThrow().status();
    }

    private Job job() {
        return jobs().get(KEY.toString());
    }

    private List<String> entries() {
        return RegistryFixtures.keysOf(driver.getKeyValueStore(RegistryNames.DEADLINE_STORE));
    }


}
