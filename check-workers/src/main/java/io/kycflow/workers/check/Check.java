package io.kycflow.workers.check;

import io.kycflow.common.command.CheckTask;

/**
 * One kind of check, run by the workers of its id. {@link #run} returns a verdict with its evidence,
 * or throws when it cannot give one (the worker then reports an {@code error} result, so the job is
 * reviewed): a check never answers "passed" for want of an answer.
 */
public interface Check {

    /** The check id, e.g. {@code kyc.identity_data_validation_check}. */
    String id();

    /** Runs the check on the task's subject ({@code task.subject()}, the kyc_schema) with the agent's arguments ({@code task.args()}). */
    CheckVerdict run(CheckTask task) throws Exception;

    /** Whether the check can take tasks now (a sanctions check waits for its lists); the worker polls nothing until then. */
    default boolean ready() {
        return true;
    }
}
