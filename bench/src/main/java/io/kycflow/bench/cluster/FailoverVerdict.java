package io.kycflow.bench.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * What the answers of one run say, checked against the API contract: a job_id is accepted once (one 200,
 * or a 409 on the retry of an attempt whose outcome was unknown), a 409 goes only to a job_id already
 * accepted, and every accepted job is readable and finishes. Times are relative to the kill, in ms.
 */
final class FailoverVerdict {

    final Map<String, Long> answers = new TreeMap<>();
    final int freshSubmissions;
    final int resubmissions;
    final Set<String> acceptedOn200 = new TreeSet<>();
    /** Fresh job_ids whose 200 was lost to a 503 or a dropped connection; the retry's 409 proves the job exists. */
    final Set<String> acceptedBehindUnknown = new TreeSet<>();
    final List<String> doubleAccepts = new ArrayList<>();
    final List<String> falseConflicts = new ArrayList<>();
    final List<String> resubmissionsNot409 = new ArrayList<>();
    final List<String> unresolved = new ArrayList<>();
    final List<String> unexpected = new ArrayList<>();
    final long killNanos;
    final long firstOkAfterKillMillis;
    final long longestOkGapMillis;
    final long longestOkGapStartMillis;
    /** 503s before the kill: the outcome wait ran out while the system was still warming up (overload, not failover). */
    final long unavailableBeforeKill;
    final long unavailableAfterKill;
    final long first503Millis;
    final long last503Millis;
    final long p50BeforeMillis;
    final long p99BeforeMillis;
    final long p50AfterMillis;
    final long p99AfterMillis;
    final double okPerSecondBefore;
    final double okPerSecondAfter;

    FailoverVerdict(SubmissionLedger ledger, long measuredFromNanos, long killNanos, long loadEndNanos) {
        this.killNanos = killNanos;
        Collection<Answer> attempts = ledger.attempts();
        for (Answer a : attempts) {
            answers.merge(label(a.status()), 1L, Long::sum);
        }
        int fresh = 0;
        int repeats = 0;
        for (Map.Entry<String, List<Answer>> entry : ledger.byJobId().entrySet()) {
            String jobId = entry.getKey();
            List<Answer> all = entry.getValue();
            long oks = all.stream().filter(a -> a.status() == 200).count();
            if (oks > 1) {
                doubleAccepts.add(jobId + " (" + oks + " × 200)");
            }
            List<Answer> original = all.stream().filter(a -> !a.resubmission()).toList();
            fresh += original.isEmpty() ? 0 : 1;
            repeats += (int) all.stream().filter(a -> a.resubmission() && a.attempt() == 1).count();
            if (!original.isEmpty()) {
                Answer last = original.getLast();
                if (last.status() == 200) {
                    acceptedOn200.add(jobId);
                } else if (last.status() == 409) {
                    if (original.size() == 1) {
                        falseConflicts.add(jobId);
                    } else {
                        acceptedBehindUnknown.add(jobId);
                    }
                } else if (last.retryable()) {
                    unresolved.add(jobId + " (last answer " + label(last.status()) + ")");
                } else {
                    unexpected.add(jobId + " (" + last.status() + ")");
                }
            }
            for (Answer a : all) {
                if (a.resubmission() && !a.retryable() && a.status() != 409) {
                    resubmissionsNot409.add(jobId + " (" + a.status() + ")");
                }
            }
        }
        this.freshSubmissions = fresh;
        this.resubmissions = repeats;

        List<Answer> oks = attempts.stream().filter(a -> a.status() == 200)
                .sorted(java.util.Comparator.comparingLong(Answer::answeredNanos)).toList();
        firstOkAfterKillMillis = oks.stream().filter(a -> a.sentNanos() >= killNanos).findFirst()
                .map(a -> millis(a.answeredNanos() - killNanos)).orElse(-1L);
        long gap = 0;
        long gapStart = 0;
        for (int i = 1; i < oks.size(); i++) {
            long d = oks.get(i).answeredNanos() - oks.get(i - 1).answeredNanos();
            if (d > gap) {
                gap = d;
                gapStart = oks.get(i - 1).answeredNanos();
            }
        }
        longestOkGapMillis = millis(gap);
        longestOkGapStartMillis = millis(gapStart - killNanos);
        unavailableBeforeKill = attempts.stream().filter(a -> a.status() == 503 && a.answeredNanos() < killNanos).count();
        List<Answer> unavailable = attempts.stream().filter(a -> a.status() == 503 && a.answeredNanos() >= killNanos)
                .sorted(java.util.Comparator.comparingLong(Answer::answeredNanos)).toList();
        unavailableAfterKill = unavailable.size();
        first503Millis = unavailable.isEmpty() ? 0 : millis(unavailable.getFirst().answeredNanos() - killNanos);
        last503Millis = unavailable.isEmpty() ? 0 : millis(unavailable.getLast().answeredNanos() - killNanos);
        List<Long> before = latencies(oks, measuredFromNanos, killNanos);
        // "After" starts once the cluster has settled: 30 s after the kill, to the end of the load.
        List<Long> after = latencies(oks, killNanos + TimeUnit.SECONDS.toNanos(30), loadEndNanos);
        okPerSecondBefore = before.size() / Math.max(1e-9, (killNanos - measuredFromNanos) / 1e9);
        okPerSecondAfter = after.size() / Math.max(1e-9, (loadEndNanos - killNanos - TimeUnit.SECONDS.toNanos(30)) / 1e9);
        p50BeforeMillis = percentile(before, 0.50);
        p99BeforeMillis = percentile(before, 0.99);
        p50AfterMillis = percentile(after, 0.50);
        p99AfterMillis = percentile(after, 0.99);
    }

    /** Every job_id the service accepted: what must be readable and finish. */
    Set<String> accepted() {
        Set<String> all = new TreeSet<>(acceptedOn200);
        all.addAll(acceptedBehindUnknown);
        return all;
    }

    /** The contract's invariants; an empty list is a pass. */
    List<String> violations(JobReadback.Result readback) {
        List<String> problems = new ArrayList<>();
        check(problems, doubleAccepts, "job_ids answered 200 more than once");
        check(problems, falseConflicts, "new job_ids answered 409 on their first attempt");
        check(problems, resubmissionsNot409, "resubmissions of an accepted job_id not answered 409");
        check(problems, unresolved, "submissions still unanswered after " + FailoverLoad.GIVE_UP.toSeconds() + " s of retries");
        check(problems, unexpected, "submissions answered neither 200, 409 nor 503");
        check(problems, readback.notFound(), "accepted jobs not found (lost)");
        check(problems, readback.unreadable(), "accepted jobs not readable");
        check(problems, List.copyOf(readback.unfinished().keySet()), "accepted jobs not in a terminal state");
        return problems;
    }

    private static void check(List<String> problems, List<String> offenders, String what) {
        if (!offenders.isEmpty()) {
            problems.add(offenders.size() + " " + what + ", e.g. " + offenders.subList(0, Math.min(5, offenders.size())));
        }
    }

    /** Answers per second around the kill: second → status label → count. */
    Map<Long, Map<String, Long>> timeline(SubmissionLedger ledger, long fromSecond, long toSecond) {
        Map<Long, Map<String, Long>> seconds = new TreeMap<>();
        for (long s = fromSecond; s <= toSecond; s++) {
            seconds.put(s, new TreeMap<>());
        }
        for (Answer a : ledger.attempts()) {
            long second = Math.floorDiv(a.answeredNanos() - killNanos, 1_000_000_000L);
            Map<String, Long> row = seconds.get(second);
            if (row != null) {
                row.merge(label(a.status()), 1L, Long::sum);
            }
        }
        return seconds;
    }

    static String label(int status) {
        return status == Answer.NO_ANSWER ? "no-answer" : Integer.toString(status);
    }

    private static List<Long> latencies(List<Answer> oks, long from, long to) {
        return oks.stream().filter(a -> a.sentNanos() >= from && a.sentNanos() < to)
                .map(a -> a.answeredNanos() - a.sentNanos()).sorted().toList();
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : millis(sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))));
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
