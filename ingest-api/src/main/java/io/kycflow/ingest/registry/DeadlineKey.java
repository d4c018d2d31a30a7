package io.kycflow.ingest.registry;

import io.kycflow.common.job.JobKey;

import java.time.Instant;

/**
 * A key of the deadline index: {@code <epoch millis, 13 digits>|<tenant/job_id>|<check id>}. Keys sort by
 * deadline, so the timeout scan reads only the entries that are due.
 */
record DeadlineKey(Instant deadline, JobKey job, String checkId) {

    static String upTo(Instant instant) {
        return String.format("%013d|~", instant.toEpochMilli());
    }

    static DeadlineKey parse(String text) {
        String[] parts = text.split("\\|", 3);
        return new DeadlineKey(Instant.ofEpochMilli(Long.parseLong(parts[0])), JobKey.parse(parts[1]), parts[2]);
    }

    String encoded() {
        return String.format("%013d|%s|%s", deadline.toEpochMilli(), job, checkId);
    }
}
