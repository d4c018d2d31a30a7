package io.kycflow.ingest.registry;

import io.kycflow.common.job.Job;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;

/**
 * The keys of the job index store, which lets listings avoid reading every job: per tenant, one entry by
 * case id and one by creation time (both never change once a job exists). Parts are joined by NUL, which
 * no tenant id, job id or timestamp contains, so a tenant's or a case's entries are one key prefix, and
 * the time entries sort by creation time (15-digit epoch millis), then job id.
 */
public final class JobIndex {

    private static final char SEP = '\u0000';

    private JobIndex() {
    }

    /** The prefix of every entry of one case. */
    public static String casePrefix(String tenantId, String caseId) {
        return tenantId + SEP + "case" + SEP + caseId + SEP;
    }

    /** The prefix of every time entry of one tenant. */
    public static String timePrefix(String tenantId) {
        return tenantId + SEP + "time" + SEP;
    }

    /** A time entry's position: what a cursor holds, and what range bounds are made of. */
    public static String timePosition(Instant createdAt, String jobId) {
        return "%015d".formatted(createdAt.toEpochMilli()) + SEP + jobId;
    }

    /** The lowest position at or after {@code at} ({@code jobId} empty sorts first). */
    public static String timeBound(Instant at) {
        return "%015d".formatted(at.toEpochMilli());
    }

    /** A key after every position of the tenant's time entries. */
    public static String timeEnd(String tenantId) {
        return timePrefix(tenantId) + '\uffff';
    }

    static void add(KeyValueStore<String, String> index, Job job) {
        index.put(casePrefix(job.tenantId(), caseOf(job)) + job.id(), job.id());
        index.put(timePrefix(job.tenantId()) + timePosition(job.createdAt(), job.id()), job.id());
    }

    static void remove(KeyValueStore<String, String> index, Job job) {
        index.delete(casePrefix(job.tenantId(), caseOf(job)) + job.id());
        index.delete(timePrefix(job.tenantId()) + timePosition(job.createdAt(), job.id()));
    }

    private static String caseOf(Job job) {
        return job.caseId() == null ? "" : job.caseId();
    }
}
