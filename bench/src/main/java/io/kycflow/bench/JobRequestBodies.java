package io.kycflow.bench;

import java.nio.charset.StandardCharsets;

/**
 * The startKYCAgentJob body of one request. Every request carries a job_id never used before in the
 * run, so kycflow answers each with a new job (200) rather than a 409.
 */
final class JobRequestBodies {

    private static final String TEMPLATE = """
            {"agent_key":"public-kyc","job_id":"%s","kyc_schema":{"id":"case-%s","self_attested_data":\
            {"first_name":"Jane","last_name":"Doe","date_of_birth":"1990-01-01"}}}""";

    private final String runId;

    JobRequestBodies(String runId) {
        this.runId = runId;
    }

    /** A job_id unique to this run, phase, client and sequence number (all within the 128-character limit). */
    byte[] body(String phase, int client, long sequence) {
        String jobId = "bench-" + runId + "-" + phase + "-" + client + "-" + sequence;
        return TEMPLATE.formatted(jobId, client).getBytes(StandardCharsets.UTF_8);
    }
}
