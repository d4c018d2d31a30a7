package io.kycflow.bench.cluster;

/**
 * One HTTP attempt of a startKYCAgentJob submission.
 *
 * @param jobId        the submitted job_id
 * @param resubmission true for a deliberate resubmission of a job_id already answered 200 (must be a 409)
 * @param attempt      1 for the first attempt, then one more per retry of a 503 or a transport failure
 * @param sentNanos    when the request left, {@link System#nanoTime()}
 * @param answeredNanos when its answer (or failure) came back
 * @param status       the HTTP status, or {@link #NO_ANSWER} when the connection failed or timed out
 */
record Answer(String jobId, boolean resubmission, int attempt, long sentNanos, long answeredNanos, int status) {

    static final int NO_ANSWER = -1;

    /** 503 or no answer: the outcome is unknown, the client retries with the same job_id. */
    boolean retryable() {
        return status == 503 || status == 429 || status == NO_ANSWER;
    }
}
