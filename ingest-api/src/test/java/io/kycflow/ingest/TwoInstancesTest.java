package io.kycflow.ingest;

import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.kycflow.ingest.ApiClient.startBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two ingest-api instances on one broker agree: the 409 is decided in one place whichever instance a
 * request reaches, and a job accepted through one is read through the other (forwarded to its owner).
 */
@ExtendWith(SharedKafka.class)
class TwoInstancesTest {

    @TempDir
    static Path data;
    private static RunningApi first;
    private static RunningApi second;
    private static List<ApiClient> clients;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) throws InterruptedException {
        first = RunningApi.start(broker, data, "instance-a", Map.of());
        second = RunningApi.start(broker, data, "instance-b", Map.of());
        awaitRunning(first, second);
        clients = List.of(new ApiClient(first.baseUrl(), RunningApi.ACME_KEY.token()),
                new ApiClient(second.baseUrl(), RunningApi.ACME_KEY.token()));
    }

    private static void awaitRunning(RunningApi... apis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            boolean allRunning = true;
            for (RunningApi api : apis) {
                KafkaStreams streams = api.service().registry().streams();
                allRunning &= streams.state() == KafkaStreams.State.RUNNING
                        && !streams.metadataForLocalThreads().iterator().next().activeTasks().isEmpty();
            }
            if (allRunning) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the two registry instances did not share the partitions in time");
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void fiftyConcurrentSubmissionsOfOneJobIdGiveOne200AndFortyNine409s() throws Exception {
        String jobId = UUID.randomUUID().toString();
        List<Callable<Integer>> calls = IntStream.range(0, 50)
                .<Callable<Integer>>mapToObj(i -> () -> clients.get(i % 2)
                        .post("/api/v1/startKYCAgentJob", startBody(jobId, "Jane")).status())
                .toList();
        List<Integer> statuses = runAll(calls, 50);
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(49, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    @Test
    void twoHundredJobsEachSubmittedThreeTimesAcrossBothInstances() throws Exception {
        List<String> jobIds = IntStream.range(0, 200).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < jobIds.size(); i++) {
                String jobId = jobIds.get(i);
                ApiClient client = clients.get((i + round) % 2);
                ApiClient other = clients.get((i + round + 1) % 2);
                calls.add(() -> {
                    int status = client.post("/api/v1/startKYCAgentJob", startBody(jobId, "Jane")).status();
                    if (status == 200) {
                        // Right after the 200, the other instance finds the job (locally or by forwarding).
                        int read = other.get("/api/v1/getJobById?job_id=" + jobId).status();
                        return read == 200 ? 200 : 1000 + read;
                    }
                    return status;
                });
            }
        }
        List<Integer> statuses = runAll(calls, 32);
        assertEquals(200, statuses.stream().filter(s -> s == 200).count(), summary(statuses));
        assertEquals(400, statuses.stream().filter(s -> s == 409).count(), summary(statuses));
        assertTrue(statuses.stream().noneMatch(s -> s == 503), summary(statuses));
    }

    private static String summary(List<Integer> statuses) {
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        statuses.forEach(s -> counts.merge(s, 1L, Long::sum));
        return "statuses (1000+n = the follow-up GET answered n): " + counts;
    }

    private static List<Integer> runAll(List<Callable<Integer>> calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = pool.invokeAll(calls);
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void listingsMergeBothInstancesPageByCursorAndKeepTenantsApart() throws Exception {
        List<ApiClient> globex = List.of(new ApiClient(first.baseUrl(), RunningApi.GLOBEX_KEY.token()),
                new ApiClient(second.baseUrl(), RunningApi.GLOBEX_KEY.token()));
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String jobId = "list-" + i + "-" + UUID.randomUUID();
            assertEquals(200, globex.get(i % 2).post("/api/v1/startKYCAgentJob", startBody(jobId, "Lister")).status());
            submitted.add(jobId);
        }
        // Page through on one instance: every job exactly once, newest first, whichever instance owns it.
        List<String> listed = new ArrayList<>();
        List<java.time.Instant> created = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiClient.Response page = globex.getFirst().get("/api/v1/jobs?limit=5" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.status(), page.body().toString());
            page.body().get("jobs").forEach(job -> {
                listed.add(job.get("id").asText());
                created.add(java.time.Instant.parse(job.get("created_at").asText()));
            });
            assertTrue(page.body().get("count").asInt() <= 5);
            cursor = page.body().get("next_cursor").isNull() ? null : page.body().get("next_cursor").asText();
            pages++;
        } while (cursor != null && pages < 20);
        assertEquals(new java.util.HashSet<>(submitted), new java.util.HashSet<>(listed));
        assertEquals(submitted.size(), listed.size(), "no job twice");
        for (int i = 1; i < created.size(); i++) {
            assertTrue(!created.get(i).isAfter(created.get(i - 1)), "newest first");
        }
        assertTrue(pages >= 5, "23 jobs at 5 a page take at least 5 pages");

        // Filters, on the other instance.
        String one = submitted.get(7);
        ApiClient.Response byCase = globex.get(1).get("/api/v1/getJobsByCaseId?case_id=case-" + one + "&agent_key=public-kyc");
        assertEquals(200, byCase.status());
        assertEquals(1, byCase.body().get("count").asInt());
        assertEquals(one, byCase.body().at("/jobs/0/id").asText());
        assertEquals(23, globex.get(1).get("/api/v1/jobs?status=queued&agent_key=public-kyc&limit=100").body()
                .get("count").asInt());
        assertEquals(0, globex.get(1).get("/api/v1/jobs?agent_key=kyc-identity-only").body().get("count").asInt());
        assertEquals(0, globex.get(1).get("/api/v1/jobs?created_after=2999-01-01T00:00:00Z").body().get("count").asInt());

        // Another tenant sees none of them.
        for (ApiClient acme : clients) {
            acme.get("/api/v1/jobs?limit=100").body().get("jobs")
                    .forEach(job -> assertTrue(!submitted.contains(job.get("id").asText())));
            assertEquals(0, acme.get("/api/v1/getJobsByCaseId?case_id=case-" + one).body().get("count").asInt());
            assertEquals(404, acme.get("/api/v1/getCheckResults?job_id=" + one).status());
        }
        ApiClient.Response results = globex.get(0).get("/api/v1/getCheckResults?job_id=" + one);
        assertEquals(200, results.status());
        assertEquals(one, results.body().get("job_id").asText());
        assertTrue(results.body().get("check_results").isArray());
    }

    @Test
    void listingParametersAreValidated() {
        ApiClient client = clients.getFirst();
        for (String[] bad : new String[][]{{"limit=0", "limit"}, {"limit=abc", "limit"}, {"limit=101", "limit"},
                {"status=bogus", "status"}, {"created_after=yesterday", "created_after"}, {"cursor=%21%21", "cursor"},
                {"cursor=bm90LWEtY3Vyc29y", "cursor"}}) {
            ApiClient.Response response = client.get("/api/v1/jobs?" + bad[0]);
            assertEquals(400, response.status(), bad[0]);
            assertEquals(bad[1], response.body().at("/details/0/field").asText(), bad[0]);
        }
        assertEquals(400, client.get("/api/v1/getJobsByCaseId").status());
        assertEquals(400, client.get("/api/v1/getCheckResults").status());
    }

    @Test
    void cancelAndRetryAreAnsweredWhicheverInstanceOwnsTheJobs() {
        for (int i = 0; i < 4; i++) {
            String jobId = "lifecycle-" + i + "-" + UUID.randomUUID();
            ApiClient in = clients.get(i % 2);
            ApiClient other = clients.get((i + 1) % 2);
            assertEquals(200, in.post("/api/v1/startKYCAgentJob", startBody(jobId, "Cancel")).status());
            ApiClient.Response retryTooEarly = other.post("/api/v1/retryJob", "{\"job_id\":\"" + jobId + "\"}");
            assertEquals(409, retryTooEarly.status(), retryTooEarly.body().toString());

            ApiClient.Response cancelled = other.post("/api/v1/cancelJob", "{\"job_id\":\"" + jobId + "\"}");
            assertEquals(200, cancelled.status(), cancelled.body().toString());
            assertEquals("cancelled", cancelled.body().at("/job/status").asText());
            assertEquals(409, in.post("/api/v1/cancelJob", "{\"job_id\":\"" + jobId + "\"}").status());

            ApiClient.Response retried = in.post("/api/v1/retryJob", "{\"job_id\":\"" + jobId + "\"}");
            assertEquals(200, retried.status(), retried.body().toString());
            String newJobId = retried.body().get("job_id").asText();
            assertEquals(jobId, retried.body().at("/job/original_job_id").asText());
            assertEquals("queued", retried.body().at("/job/status").asText());
            assertEquals(newJobId, other.get("/api/v1/getJobById?job_id=" + jobId).body().get("new_job_id").asText());
            assertEquals(jobId, other.get("/api/v1/getJobById?job_id=" + newJobId).body().get("original_job_id").asText());
            assertEquals(409, other.post("/api/v1/retryJob", "{\"job_id\":\"" + jobId + "\"}").status(), "one retry per job");
        }
        ApiClient globex = new ApiClient(first.baseUrl(), RunningApi.GLOBEX_KEY.token());
        String acmeJob = "lifecycle-acme-" + UUID.randomUUID();
        assertEquals(200, clients.getFirst().post("/api/v1/startKYCAgentJob", startBody(acmeJob, "Mine")).status());
        assertEquals(404, globex.post("/api/v1/cancelJob", "{\"job_id\":\"" + acmeJob + "\"}").status());
        assertEquals(404, globex.post("/api/v1/retryJob", "{\"job_id\":\"" + acmeJob + "\"}").status());
        assertEquals(400, globex.post("/api/v1/cancelJob", "{}").status());
        assertEquals(400, globex.post("/api/v1/cancelJob", "{\"job_id\": 5}").status());
        assertEquals(403, new ApiClient(first.baseUrl(), RunningApi.READ_ONLY_KEY.token())
                .post("/api/v1/cancelJob", "{\"job_id\":\"" + acmeJob + "\"}").status());
    }

    @Test
    void deleteJobErasesTheSubjectWhicheverInstanceIsAskedAndOnlyForItsTenant() {
        String jobId = "delete-" + UUID.randomUUID();
        ApiClient in = clients.get(0);
        ApiClient other = clients.get(1);
        assertEquals(200, in.post("/api/v1/startKYCAgentJob", startBody(jobId, "Erasable")).status());
        String body = "{\"job_id\":\"" + jobId + "\"}";
        ApiClient globex = new ApiClient(first.baseUrl(), RunningApi.GLOBEX_KEY.token());
        assertEquals(404, globex.post("/api/v1/deleteJob", body).status(), "another tenant's job is not found");
        assertEquals(403, new ApiClient(first.baseUrl(), RunningApi.READ_ONLY_KEY.token())
                .post("/api/v1/deleteJob", body).status(), "needs jobs:write");
        assertEquals(400, in.post("/api/v1/deleteJob", "{}").status());
        assertEquals("Erasable", other.get("/api/v1/getJobById?job_id=" + jobId).body()
                .at("/input_payload/self_attested_data/first_name").asText());

        ApiClient.Response deleted = other.post("/api/v1/deleteJob", body);
        assertEquals(200, deleted.status(), deleted.body().toString());
        assertEquals("deleted", deleted.body().at("/job/status").asText());
        ApiClient.Response read = in.get("/api/v1/getJobById?job_id=" + jobId + "&include_check_results=true");
        assertEquals("deleted", read.body().get("status").asText());
        assertTrue(read.body().get("input_payload").isNull(), read.body().toString());
        assertFalse(read.body().toString().contains("Erasable"), read.body().toString());
        assertEquals(200, in.post("/api/v1/deleteJob", body).status(), "deleting again is answered the same");
        assertEquals(409, other.post("/api/v1/startKYCAgentJob", startBody(jobId, "Again")).status(),
                "the job_id stays taken");
        assertEquals(409, in.post("/api/v1/retryJob", body).status(), "a deleted job is not retried");
    }
}
