package io.kycflow.common.topic;

/** Existing topics differ from what kycflow needs; running on them would orphan state or lose order. */
public final class TopicMismatchException extends RuntimeException {

    public TopicMismatchException(String message) {
        super(message);
    }
}
