package io.kycflow.bench.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every attempt of every submission of the run, and the job_ids answered 200 (from which deliberate
 * resubmissions are drawn). Thread-safe: the load's workers write it concurrently.
 */
final class SubmissionLedger {

    private final ConcurrentLinkedQueue<Answer> attempts = new ConcurrentLinkedQueue<>();
    private final Map<String, List<Answer>> byJobId = new ConcurrentHashMap<>();
    private final List<String> accepted = new ArrayList<>();

    void record(Answer answer) {
        attempts.add(answer);
        byJobId.computeIfAbsent(answer.jobId(), id -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(answer);
        if (answer.status() == 200) {
            synchronized (accepted) {
                accepted.add(answer.jobId());
            }
        }
    }

    /** A job_id already answered 200, at random; empty before the first one. */
    java.util.Optional<String> anAcceptedJobId() {
        synchronized (accepted) {
            return accepted.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(accepted.get(ThreadLocalRandom.current().nextInt(accepted.size())));
        }
    }

    Collection<Answer> attempts() {
        return List.copyOf(attempts);
    }

    /** The attempts of each job_id, in the order they were answered. */
    Map<String, List<Answer>> byJobId() {
        Map<String, List<Answer>> copy = new java.util.HashMap<>();
        byJobId.forEach((id, answers) -> {
            synchronized (answers) {
                List<Answer> sorted = new ArrayList<>(answers);
                sorted.sort(java.util.Comparator.comparingLong(Answer::answeredNanos));
                copy.put(id, sorted);
            }
        });
        return copy;
    }
}
