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
}
