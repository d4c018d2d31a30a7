package io.kycflow.bench;

import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A closed-loop load: N clients, each on its own virtual thread and keep-alive connection, sends its next
 * request as soon as the previous answer is read. Load runs through a warm-up and then a measured period;
 * only responses completed inside the measured period count. Each client keeps its own histogram and
 * counters (no shared state on the hot path), merged at the end.
 */
final class LoadGenerator {

    private static final Logger log = LoggerFactory.getLogger(LoadGenerator.class);
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);
    private static final long PAUSE_AFTER_IO_ERROR_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final JobRequestBodies bodies;
    private final CpuSampler cpu = new CpuSampler();

    LoadGenerator(JobRequestBodies bodies) {
        this.bodies = bodies;
    }

    PhaseResult run(LoadTarget target, int clients, int round, Duration warmup, Duration measure) {
        long measureStart = System.nanoTime() + warmup.toNanos();
        long measureEnd = measureStart + measure.toNanos();
        // Part of every job_id: no two periods of a run send the same one.
        String phase = target.name() + clients + "r" + round;
        List<Future<ClientTally>> tallies = new ArrayList<>(clients);
        CpuUsage usage;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                tallies.add(threads.submit(() -> runClient(target, phase, client, measureStart, measureEnd)));
            }
            sleepUntil(measureStart);
            CpuSampler.Sample from = cpu.sample();
            sleepUntil(measureEnd);
            usage = cpu.between(from, cpu.sample());
        }
        return merge(target.name(), clients, round, measure, tallies, usage);
    }

    private ClientTally runClient(LoadTarget target, String phase, int client, long measureStart, long measureEnd) {
        ClientTally tally = new ClientTally();
        try (KeepAliveConnection connection = new KeepAliveConnection(target)) {
            long sequence = 0;
            while (true) {
                byte[] body = bodies.body(phase, client, sequence++);
                long started = System.nanoTime();
                if (started >= measureEnd) {
                    return tally;
                }
                String outcome;
                try {
                    int status = connection.post(body);
                    outcome = Integer.toString(status);
                } catch (IOException | RuntimeException e) {
                    outcome = "io";
                    if (tally.ioErrorsLogged++ == 0) {
                        log.warn("client {} of {}: {}", client, target.name(), e.toString());
                    }
                    LockSupport.parkNanos(PAUSE_AFTER_IO_ERROR_NANOS);
                }
                long finished = System.nanoTime();
                if (finished >= measureStart && finished <= measureEnd) {
                    tally.record(outcome, (finished - started) / 1000);
                }
            }
        }
    }

    private static PhaseResult merge(String target, int clients, int round, Duration measure, List<Future<ClientTally>> tallies,
                                     CpuUsage usage) {
        Histogram latency = new Histogram(HIGHEST_MICROS, 3);
        SortedMap<String, Long> errors = new TreeMap<>();
        long requests = 0;
        long accepted = 0;
        for (Future<ClientTally> future : tallies) {
            ClientTally tally;
            try {
                tally = future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while collecting results", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a load client failed", e.getCause());
            }
            latency.add(tally.latency);
            requests += tally.requests;
            accepted += tally.accepted;
            tally.errors.forEach((status, count) -> errors.merge(status, count, Long::sum));
        }
        return new PhaseResult(target, clients, round, measure, requests, accepted, errors, latency, usage);
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One client's counters: touched by its own thread only, read after it finished. */
    private static final class ClientTally {
        final Histogram latency = new Histogram(HIGHEST_MICROS, 3);
        final Map<String, Long> errors = new TreeMap<>();
        long requests;
        long accepted;
        int ioErrorsLogged;

        void record(String outcome, long micros) {
            requests++;
            if (outcome.equals("200")) {
                accepted++;
            } else {
                errors.merge(outcome, 1L, Long::sum);
            }
            latency.recordValue(Math.min(Math.max(micros, 0), HIGHEST_MICROS));
        }
    }
}
