package io.kycflow.ingest;

import io.kycflow.kafka.embedded.EmbeddedKafkaBroker;
import io.kycflow.kafka.embedded.SharedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.kycflow.ingest.ApiClient.startBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The promise "409, then read the job with getJobById" holds while the registry rebalances: a second
 * instance joins while 200 job_ids are submitted three times each, at random, to either instance, and
 * each 200 is followed at once by a read through the other instance. Every read answers 200.
 */
@ExtendWith(SharedKafka.class)
class ReadYourWritesTest {

    private static final int JOBS = 200;
    private static final int SUBMISSIONS_PER_JOB = 3;

    @TempDir
    static Path data;

    @Test
    void everyAcceptedJobIsReadableAtOnceThroughTheOtherInstanceWhileTheSecondJoins(EmbeddedKafkaBroker broker)
            throws Exception {
        try (RunningApi first = RunningApi.start(broker, data, "ryw-a", Map.of())) {
            ApiClient a = new ApiClient(first.baseUrl(), RunningApi.ACME_KEY.token());
            awaitReady(a);
            // The second instance starts now and joins the group while the storm runs: the partitions move
            // between the two, stores restore and standbys warm up under traffic.
            try (RunningApi second = RunningApi.start(broker, data, "ryw-b", Map.of())) {
                ApiClient b = new ApiClient(second.baseUrl(), RunningApi.ACME_KEY.token());
                List<ApiClient> instances = List.of(a, b);

                List<String> jobIds = IntStream.range(0, JOBS).mapToObj(i -> UUID.randomUUID().toString()).toList();
                List<String> submissions = new ArrayList<>();
                jobIds.forEach(id -> Collections.nCopies(SUBMISSIONS_PER_JOB, id).forEach(submissions::add));
                Random random = new Random(20261205);
                Collections.shuffle(submissions, random);

                Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
                AtomicInteger duplicates = new AtomicInteger();
                AtomicInteger retriedSubmissions = new AtomicInteger();
                ConcurrentLinkedQueue<String> badReads = new ConcurrentLinkedQueue<>();
                ConcurrentLinkedQueue<String> otherAnswers = new ConcurrentLinkedQueue<>();
                ExecutorService pool = Executors.newFixedThreadPool(16);
                for (String jobId : submissions) {
                    int target = random.nextInt(2);
                    pool.execute(() -> {
                        ApiClient.Response answer = instances.get(target).post("/api/v1/startKYCAgentJob", startBody(jobId, "Jane"));
                        // 503 is the contract's "outcome not known yet: retry with the same job_id".
                        for (int attempt = 0; answer.status() == 503 && attempt < 5; attempt++) {
                            retriedSubmissions.incrementAndGet();
                            answer = instances.get(target).post("/api/v1/startKYCAgentJob", startBody(jobId, "Jane"));
                        }
                        if (answer.status() == 409) {
                            duplicates.incrementAndGet();
                        } else if (answer.status() == 200) {
                            accepted.computeIfAbsent(jobId, id -> new AtomicInteger()).incrementAndGet();
                            ApiClient.Response read = instances.get(1 - target).get("/api/v1/getJobById?job_id=" + jobId);
                            if (read.status() != 200 || !jobId.equals(read.body().path("id").asText())) {
                                badReads.add(read.status() + " " + read.raw().body());
                            }
                        } else {
                            otherAnswers.add(answer.status() + " " + answer.raw().body());
                        }
                    });
                }
                pool.shutdown();
                assertTrue(pool.awaitTermination(3, TimeUnit.MINUTES), "the storm did not finish in 3 minutes");
                System.out.printf("read-your-writes storm: %d accepted, %d duplicates, %d submissions retried after 503, "
                        + "%d reads not 200%n", accepted.size(), duplicates.get(), retriedSubmissions.get(), badReads.size());

                assertEquals(List.of(), List.copyOf(otherAnswers), "every submission is answered 200 or 409");
                assertEquals(List.of(), List.copyOf(badReads), "every read after a 200 answers 200 on the other instance");
                assertEquals(JOBS, accepted.size(), "every job_id accepted");
                assertTrue(accepted.values().stream().allMatch(n -> n.get() == 1), "no job_id accepted twice");
                assertEquals(JOBS * (SUBMISSIONS_PER_JOB - 1), duplicates.get(), "every repeat is a 409");
            }
        }
    }

    private static void awaitReady(ApiClient api) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (api.get("/health/ready").status() != 200) {
            assertTrue(System.currentTimeMillis() < deadline, "the first instance was not ready in 60 s");
            Thread.sleep(100);
        }
    }
}
