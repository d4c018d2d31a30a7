package io.kycflow.common.agent;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

/** A check as an agent configures it: which check, how long it may take, and its arguments (thresholds…). */
public record AgentCheck(String id, Duration timeout, JsonNode args) {
}
