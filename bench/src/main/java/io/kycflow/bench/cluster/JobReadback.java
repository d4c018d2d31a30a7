package io.kycflow.bench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.common.job.JobStatus;
import io.kycflow.common.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Reads every accepted job back through {@code getJobById} until each is in a terminal state or the
 * deadline passes: what a client would see, not what a topic holds.
 */
final class JobReadback {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String bearer;

    JobReadback(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.bearer = "Bearer " + apiKey;
    }

    /**
     * @param terminal    job_id → its terminal status
     * @param notFound    job_ids answered 404 on the last sweep: accepted, then lost
     * @param unfinished  job_ids readable but not terminal by the deadline, with their last status
     * @param unreadable  job_ids that never gave a 200 or 404 (503s, errors) on the last sweep
     * @param sweepMillis how long the read-back took until everything was terminal (or the deadline)
     */
    record Result(Map<String, JobStatus> terminal, List<String> notFound, Map<String, String> unfinished,
                  List<String> unreadable, long sweepMillis) {

        Map<JobStatus, Long> terminalCounts() {
            Map<JobStatus, Long> counts = new TreeMap<>();
            terminal.values().forEach(s -> counts.merge(s, 1L, Long::sum));
            return counts;
        }
    }

    Result readAll(Collection<String> jobIds, Duration deadline) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        Map<String, JobStatus> terminal = new ConcurrentHashMap<>();
        Map<String, String> pending = new ConcurrentHashMap<>();
        List<String> remaining = new ArrayList<>(jobIds);
        while (true) {
            pending.clear();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            for (String jobId : remaining) {
                pool.submit(() -> {
                    String state = read(jobId);
                    JobStatus status = parse(state);
                    if (status != null && status.isTerminal()) {
                        terminal.put(jobId, status);
                    } else {
                        pending.put(jobId, state);
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
            remaining = new ArrayList<>(pending.keySet());
            if (remaining.isEmpty() || System.nanoTime() > end) {
                break;
            }
            Thread.sleep(1_000);
        }
        List<String> notFound = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        Map<String, String> unfinished = new TreeMap<>();
        pending.forEach((jobId, state) -> {
            if (state.equals("404")) {
                notFound.add(jobId);
            } else if (parse(state) == null) {
                unreadable.add(jobId + " (" + state + ")");
            } else {
                unfinished.put(jobId, state);
            }
        });
        return new Result(Map.copyOf(terminal), notFound, unfinished, unreadable,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** The job's status on the wire, or the HTTP status / failure when there is none. */
    private String read(String jobId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/getJobById?job_id="
                        + URLEncoder.encode(jobId, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(20)).header("Authorization", bearer).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Integer.toString(response.statusCode());
            }
            JsonNode job = Json.mapper().readTree(response.body());
            if (!jobId.equals(job.path("id").asText())) {
                return "another job: " + job.path("id").asText();
            }
            return job.path("status").asText("no status");
        } catch (IOException e) {
            return "no answer: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static JobStatus parse(String state) {
        try {
            return JobStatus.fromWire(state);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
