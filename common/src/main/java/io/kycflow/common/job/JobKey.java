package io.kycflow.common.job;

import java.util.regex.Pattern;

/**
 * The key of every job topic: {@code tenant/job_id}. Tenant ids are {@code [a-z0-9-]} and job ids never
 * contain a slash, so the key splits back unambiguously, and two tenants may use the same job id.
 */
public record JobKey(String tenantId, String jobId) {

    public static final Pattern TENANT_ID = Pattern.compile("[a-z0-9-]{1,64}");
    public static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public JobKey {
        if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
            throw new IllegalArgumentException("tenant id must match " + TENANT_ID + ": " + tenantId);
        }
        if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
            throw new IllegalArgumentException("job id must match " + JOB_ID);
        }
    }

    public static JobKey parse(String key) {
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a job key: " + key);
        }
        return new JobKey(key.substring(0, slash), key.substring(slash + 1));
    }

    public static boolean isValidJobId(String jobId) {
        return jobId != null && JOB_ID.matcher(jobId).matches();
    }

    @Override
    public String toString() {
        return tenantId + "/" + jobId;
    }
}
