package io.kycflow.bench.e2e;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Offers jobs at a fixed rate, open loop: request {@code i} is due at {@code start + i / rate} and is sent
 * then on its own virtual thread, however many earlier requests are still waiting for an answer, so a slow
 * answer delays no later submission (no coordinated omission). Latency is counted from the due time.
 * Connections are kept alive ({@link HttpURLConnection}'s keep-alive cache), one per request in flight.
 */
final class OpenLoopSender {

    /** A job answered 200: its job_id and when it was due to be sent. */
    record Submission(String jobId, long scheduledNanos) {
    }

    /** What was offered and how it was answered; {@code maxSendLagMicros}: the latest a request left after its due time. */
    record Result(long offered, List<Submission> accepted, SortedMap<String, Long> otherAnswers,
                  Histogram submitLatencyMicros, long maxSendLagMicros) {
    }

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);

    private final URI endpoint;
    private final String authorization;

    OpenLoopSender(int apiPort, String apiKey) {
        this.endpoint = URI.create("http://127.0.0.1:" + apiPort + "/api/v1/startKYCAgentJob");
        this.authorization = "Bearer " + apiKey;
    }

    /** One request, for the smoke job: its status, or -1 when the connection failed. */
    int postOnce(byte[] body) {
        try {
            return post(body);
        } catch (IOException e) {
            return -1;
        }
    }

    /** {@code rate} jobs a second for {@code duration}. */
    Result run(EndToEndBenchmark.E2eRequests requests, String phase, int rate, Duration duration) {
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] offsets = new long[Math.toIntExact(rate * duration.toSeconds())];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = i * intervalNanos;
        }
        return run(requests, phase, offsets);
    }

    /**
     * A rate rising linearly from {@code fromRate} to {@code toRate} over {@code duration}: a warm-up that lets
     * a fresh JVM compile its hot paths before it carries the full load, as a running service has.
     */
    Result ramp(EndToEndBenchmark.E2eRequests requests, String phase, int fromRate, int toRate, Duration duration) {
        double seconds = duration.toNanos() / 1e9;
        List<Long> offsets = new ArrayList<>();
        for (double t = 0; t < seconds; t += 1.0 / (fromRate + (toRate - fromRate) * t / seconds)) {
            offsets.add((long) (t * 1e9));
        }
        return run(requests, phase, offsets.stream().mapToLong(Long::longValue).toArray());
    }

    private Result run(EndToEndBenchmark.E2eRequests requests, String phase, long[] dueOffsetsNanos) {
        long total = dueOffsetsNanos.length;
        List<Submission> accepted = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> others = new ConcurrentHashMap<>();
        Histogram submit = new Histogram(HIGHEST_MICROS, 3);
        AtomicLong maxLag = new AtomicLong();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = start + dueOffsetsNanos[(int) i];
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                String jobId = requests.jobId(phase, i);
                byte[] body = requests.body(jobId, i);
                threads.execute(() -> {
                    maxLag.accumulateAndGet((System.nanoTime() - due) / 1000, Math::max);
                    String answer;
                    try {
                        answer = Integer.toString(post(body));
                    } catch (IOException e) {
                        answer = "io";
                    }
                    long micros = (System.nanoTime() - due) / 1000;
                    synchronized (submit) {
                        submit.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, micros)));
                    }
                    if (answer.equals("200")) {
                        accepted.add(new Submission(jobId, due));
                    } else {
                        others.merge(answer, 1L, Long::sum);
                    }
                });
            }
        }
        return new Result(total, List.copyOf(accepted), new TreeMap<>(others), submit, maxLag.get());
    }

    private int post(byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Authorization", authorization);
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        // Reading the body to its end lets the connection go back to the keep-alive cache.
        try (var in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        return status;
    }
}
