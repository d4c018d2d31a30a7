package io.kycflow.common.crypto;

/**
 * A record that carries personal data names the data key that seals it. The {@link Personal} serializer
 * finds the nearest enclosing {@code HasDataKey} of the field it writes, so nested records (a job's check
 * results, a command's request) use their container's key unless they name their own.
 */
public interface HasDataKey {

    /**
     * The explicit "this record holds no personal data" marker (a {@code webhook.test} delivery): its
     * {@link Personal} fields are written in plain text. Anything else without a ref refuses to be written.
     */
    String NO_PERSONAL_DATA = "-";

    /** The key ref ({@link DataKeyRef}), {@link #NO_PERSONAL_DATA}, or null when unknown (then not this record's). */
    String dataKeyRef();
}
