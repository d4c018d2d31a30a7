package io.kycflow.common.job;

import java.util.regex.Pattern;

/**
 * The key of every job topic: {@code tenant/job_id}. Tenant ids are {@code [a-z0-9-]} and job ids never
 * contain a slash, so the key splits back unambiguously, and two tenants may use the same job id.
 * <p>
 * Keys are made for every record the registry reads or writes, so they are checked by a loop over the
 * characters rather than by the patterns (which say the same and are kept for messages and other callers):
 * the regex engine was 5-10% of the registry thread's time.
 */
public record JobKey(String tenantId, String jobId) {

    public static final Pattern TENANT_ID = Pattern.compile("[a-z0-9-]{1,64}");
    public static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public JobKey {
        if (!isValidTenantId(tenantId)) {
            throw new IllegalArgumentException("tenant id must match " + TENANT_ID + ": " + tenantId);
        }
        if (!isValidJobId(jobId)) {
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

    /** Whether {@code jobId} matches {@link #JOB_ID}. */
    public static boolean isValidJobId(String jobId) {
        if (jobId == null || jobId.isEmpty() || jobId.length() > 128) {
            return false;
        }
        for (int i = 0; i < jobId.length(); i++) {
            char c = jobId.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code tenantId} matches {@link #TENANT_ID}. */
    public static boolean isValidTenantId(String tenantId) {
        if (tenantId == null || tenantId.isEmpty() || tenantId.length() > 64) {
            return false;
        }
        for (int i = 0; i < tenantId.length(); i++) {
            char c = tenantId.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return tenantId + "/" + jobId;
    }
}
