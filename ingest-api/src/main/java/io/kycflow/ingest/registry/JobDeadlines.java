package io.kycflow.ingest.registry;

import io.kycflow.common.job.Job;
import io.kycflow.common.job.PlannedCheck;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The deadline index of one task's unfinished jobs: one entry per job and distinct deadline of its checks (one
 * entry when they share a timeout, as an agent's checks usually do), put when the job is accepted and removed
 * when it ends. Results in between leave it alone, so a job costs one changelog record here on the way in and
 * one on the way out, not two per check. A job accepted before entries were per job has one per check (the
 * entry names its check); those still time out their check and go when the job ends.
 */
final class JobDeadlines {

    /** The check part of a per-job entry: every check of the job due by then. No check id is "*". */
    static final String EVERY_CHECK = "*";

    private final KeyValueStore<String, String> store;

    JobDeadlines(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** A new job's entries. */
    void schedule(Job job) {
        String value = job.key().toString();
        for (Instant deadline : deadlines(job)) {
            store.put(new DeadlineKey(deadline, job.key(), EVERY_CHECK).encoded(), value);
        }
    }

    /** A job that ended (finished, cancelled, deleted): whatever entries it still has go; absent ones cost nothing. */
    void forget(Job job) {
        for (PlannedCheck check : job.plan().checks()) {
            removeIfPresent(new DeadlineKey(JobFold.deadline(job, check), job.key(), check.checkId()).encoded());
        }
        for (Instant deadline : deadlines(job)) {
            removeIfPresent(new DeadlineKey(deadline, job.key(), EVERY_CHECK).encoded());
        }
    }

    /**
     * At most {@code max} of the entries due by {@code limit}, oldest first, each removed from the index; the
     * rest stay for the next call.
     */
    List<DeadlineKey> takeDue(Instant limit, int max) {
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range("0", DeadlineKey.upTo(limit))) {
            while (due.size() < max && it.hasNext()) {
                due.add(it.next().key);
            }
        }
        List<DeadlineKey> keys = new ArrayList<>(due.size());
        for (String key : due) {
            store.delete(key);
            keys.add(DeadlineKey.parse(key));
        }
        return keys;
    }

    /** The checks of {@code job} an entry times out: the one it names, or every check due by {@code limit}. */
    static List<String> checksDue(DeadlineKey entry, Job job, Instant limit) {
        if (!entry.checkId().equals(EVERY_CHECK)) {
            return List.of(entry.checkId());
        }
        return job.plan().checks().stream().filter(c -> !JobFold.deadline(job, c).isAfter(limit))
                .map(PlannedCheck::checkId).toList();
    }

    private static SortedSet<Instant> deadlines(Job job) {
        SortedSet<Instant> deadlines = new TreeSet<>();
        for (PlannedCheck check : job.plan().checks()) {
            deadlines.add(JobFold.deadline(job, check));
        }
        return deadlines;
    }

    private void removeIfPresent(String key) {
        if (store.get(key) != null) {
            store.delete(key); // a delete of an absent key would still write a tombstone to the changelog
        }
    }
}
