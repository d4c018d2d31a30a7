package io.kycflow.ingest.api;

/** What {@code /health/ready} asks: can this instance serve its API now, and if not, why. */
@FunctionalInterface
public interface ReadinessProbe {

    /** Null when ready; otherwise the reason. */
    String notReadyReason();
}
