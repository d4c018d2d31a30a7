package io.kycflow.common.job;

import java.time.Instant;

/** A human-readable progress note on a job ({@code include_status_messages=true}). */
public record StatusMessage(Instant timestamp, String message) {
}
