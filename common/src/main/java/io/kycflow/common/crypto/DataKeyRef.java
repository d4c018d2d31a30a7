package io.kycflow.common.crypto;

/**
 * The name of one submission's data key: {@code tenant/job_id#submission_id}, the key of its record on
 * {@code kyc.job-keys}. Per submission, not per job, because two racing submissions of one job_id must not
 * overwrite each other's key; the winner's ref becomes the job's.
 */
public final class DataKeyRef {

    private DataKeyRef() {
    }

    /** The ref, or null when any part is missing (a record written without one, which then cannot be sealed). */
    public static String of(String tenantId, String jobId, String submissionId) {
        if (tenantId == null || jobId == null || submissionId == null) {
            return null;
        }
        return tenantId + "/" + jobId + "#" + submissionId;
    }
}
